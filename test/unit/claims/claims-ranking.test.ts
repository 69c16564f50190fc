import * as assert from 'node:assert/strict';
import { detectClaims } from '../../../src/core/claims';
import { compileCueMatcher, findCues } from '../../../src/core/claims/cue-matcher';
import { DEFAULT_TAXONOMY } from '../../../src/core/taxonomy/taxonomy';

/** The ranked category ids of the one claim of a sentence. */
const ranked = (text: string): string[] => {
  const claims = detectClaims(text);
  assert.equal(claims.length, 1, `${text}: ${JSON.stringify(claims.map((c) => c.text))}`);
  return claims[0].categories.map((category) => category.id);
};

describe('ranking the categories of a claim', () => {
  describe('cue weight: content words, a hyphenated compound being one word', () => {
    it('weighs a legal term of art over a generic word', () => {
      assert.deepEqual(ranked('The teacher was beaten and then arbitrarily detained for a month.'), ['arbitrary-detention', 'ill-treatment']);
    });

    it('weighs a hyphenated cue as its one-word spelling', () => {
      const matcher = compileCueMatcher(DEFAULT_TAXONOMY);
      const weightOf = (text: string): number => findCues(text, matcher).reduce((max, hit) => Math.max(max, hit.payload.weight), 0);
      assert.equal(weightOf('ill-treatment'), weightOf('mistreatment'));
      assert.equal(weightOf('extra-judicial killing'), weightOf('extrajudicial killing'));
      assert.equal(weightOf('extra-judicial killing'), 2);
      // Equal weights: the earlier cue decides, whichever its spelling.
      assert.deepEqual(ranked('Monitors recorded the kidnapping and ill-treatment of two aid workers.'), ['hostage-taking', 'ill-treatment']);
      assert.deepEqual(ranked('Monitors recorded the ill-treatment and kidnapping of two aid workers.'), ['ill-treatment', 'hostage-taking']);
    });
  });

  describe('a cue inside a capitalised name', () => {
    it('puts a category named only in an organisation or a title last', () => {
      assert.deepEqual(ranked('The Centre for Missing Persons said that the two farmers were shot dead.'), ['wilful-killing', 'enforced-disappearance']);
      assert.deepEqual(ranked('Volunteers of the Torture Survivors Network described the ill-treatment of the detainees.'), ['ill-treatment', 'torture']);
    });

    it('keeps a cue the taxonomy writes with capitals, and a sentence-initial word', () => {
      assert.deepEqual(ranked('Guards were beaten by inmates, and the Red Cross was refused access.')[0], 'denial-of-icrc-access');
      assert.deepEqual(ranked('Torture and killings were reported by the mission.'), ['torture', 'wilful-killing']);
    });

    it('does not read a headline in title case as a name', () => {
      // Outside a headline, "Killings" joined to "Of" would be a name and go last.
      assert.deepEqual(ranked('Detainees Speak Of Killings, Torture'), ['wilful-killing', 'torture']);
    });
  });

  describe('a trial and the detention it imposes or rests on', () => {
    it('puts the sentencing before the penalty it imposes ("sentenced to imprisonment")', () => {
      assert.deepEqual(ranked('The court sentenced the blogger to imprisonment.'), ['unlawful-prosecution', 'arbitrary-detention']);
      assert.deepEqual(ranked('The reporter was sentenced to two and a half years in jail.'), ['unlawful-prosecution', 'arbitrary-detention']);
      assert.deepEqual(ranked('A tribunal sentenced the three editors to life imprisonment.'), ['unlawful-prosecution', 'arbitrary-detention']);
    });

    it('does not take a detention far from the sentencing, or in another clause, as its penalty', () => {
      assert.deepEqual(ranked('He was sentenced, and his brother remains in pretrial detention.'), ['arbitrary-detention', 'unlawful-prosecution']);
    });

    it('puts the detention before the charges it rests on ("imprisoned on fabricated charges")', () => {
      assert.deepEqual(ranked('Dozens of students remain imprisoned on fabricated charges.'), ['arbitrary-detention', 'unlawful-prosecution']);
    });

    it('leaves a trial that frames nothing where its weight puts it', () => {
      assert.deepEqual(ranked('He was jailed in May and later sentenced to death.'), ['unlawful-prosecution', 'arbitrary-detention']);
      assert.deepEqual(ranked('She was convicted after a sham trial.'), ['unlawful-prosecution']);
    });
  });

  describe('main clause before subordinate clause', () => {
    it('puts a cue of the main clause before one in a temporal or relative clause', () => {
      assert.deepEqual(ranked('After he was arrested, the activist was tortured.'), ['torture', 'arbitrary-detention']);
      assert.deepEqual(ranked('The operation, which killed three people, was followed by the torture of students.'), ['torture', 'wilful-killing']);
    });

    it('reads "that" after a verb of saying or finding as the report, not a relative clause', () => {
      assert.deepEqual(ranked('The mission concludes that the men were killed, and their relatives detained.'), ['wilful-killing', 'arbitrary-detention']);
      assert.deepEqual(ranked('A witness said that the men were killed, and their relatives detained.'), ['wilful-killing', 'arbitrary-detention']);
    });

    it('does not let the clause outweigh a more specific cue', () => {
      assert.deepEqual(ranked('After she was beaten, the nurse was arbitrarily detained.'), ['arbitrary-detention', 'ill-treatment']);
      assert.deepEqual(ranked('The nurse, who was beaten, was arbitrarily detained.'), ['arbitrary-detention', 'ill-treatment']);
    });
  });

  describe('other, the category of what no other covers', () => {
    it('goes after a specific category of equal weight in the same clause', () => {
      assert.deepEqual(ranked('Masked men harassed and abducted the editor.'), ['hostage-taking', 'other']);
    });

    it('goes first when its cues weigh more or the specific one is background', () => {
      assert.deepEqual(ranked('The lawyer was summoned, harassed and threatened after he reported an abduction.'), ['other', 'hostage-taking']);
      assert.deepEqual(ranked('Officers raided the newsroom of a paper that reported killings.'), ['other', 'wilful-killing']);
    });
  });

  describe('the graver category before a lesser one it includes', () => {
    it('puts torture before ill-treatment', () => {
      assert.deepEqual(ranked('Detainees reported ill-treatment and torture in the camp.'), ['torture', 'ill-treatment']);
    });

    it('puts an enforced disappearance and a hostage-taking before the detention they contain', () => {
      assert.deepEqual(ranked('The two men were detained at a checkpoint and later disappeared.'), ['enforced-disappearance', 'arbitrary-detention']);
      assert.deepEqual(ranked('The villagers were detained as hostages by the militia.'), ['hostage-taking', 'arbitrary-detention']);
    });

    it('moves only a graver category that the sentence reports, not one inside a name', () => {
      assert.deepEqual(ranked('Volunteers of the Torture Survivors Network described the ill-treatment of the detainees.'), ['ill-treatment', 'torture']);
    });
  });

  describe('an arrest or trial of the perpetrators', () => {
    it('drops the arrest when the act is the charge, past the qualifiers of a charge', () => {
      assert.deepEqual(ranked('Police arrested two men for the alleged first-degree murder of a shopkeeper.'), ['wilful-killing']);
      assert.deepEqual(ranked('A farmer was charged with aggravated kidnapping on Friday.'), ['hostage-taking']);
    });

    it('drops the trial when the act names the proceeding ("the kidnapping case")', () => {
      assert.deepEqual(ranked('A former officer was convicted in the kidnapping case of a banker.'), ['hostage-taking']);
      assert.deepEqual(ranked('Three men were arrested over the weekend and the murder charges against them were read out.'), ['wilful-killing']);
    });

    it('keeps a detention whose reason is reporting on a violation', () => {
      assert.deepEqual(ranked('Two journalists were jailed for reporting on killings by the army.'), ['arbitrary-detention', 'wilful-killing']);
    });
  });
});
