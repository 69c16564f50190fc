import * as assert from 'node:assert/strict';
import { compileCueMatcher, detectClaims, findCues } from '../../../src/core/claims';
import { suggestCategories } from '../../../src/core/taxonomy/suggest';
import { DEFAULT_TAXONOMY, resolveTaxonomy } from '../../../src/core/taxonomy/taxonomy';

const only = (text: string) => {
  const claims = detectClaims(text);
  assert.equal(claims.length, 1, `${text}: ${JSON.stringify(claims.map((c) => c.text))}`);
  return claims[0];
};
const categories = (text: string): string[] => only(text).categories.map((c) => c.id);
const highClaims = (text: string) => detectClaims(text).filter((c) => c.confidence === 'high');

describe('claim rules', () => {
  describe('treaty drafting, recognised by its structure', () => {
    const article = (heading: string, leadIn: string) => [
      heading,
      leadIn,
      '(a) the name of the camp where the internee is detained;',
      '(b) the date on which he was arrested;',
      '2.   A person who has been convicted may appeal the judgement.',
    ].join('\n\n');

    it('drops the lettered and numbered paragraphs of an article whose text says "shall"', () => {
      const text = article('### Article  41  ', 'The notification shall contain the following particulars:');
      assert.deepEqual(detectClaims(text), []);
      assert.deepEqual(detectClaims(article('Artikel 7', 'Die Mitteilung shall enthalten:')), []);
      assert.deepEqual(detectClaims(article('ARTICLE XII', 'Each State Party shall notify the following:')), []);
    });

    it('keeps them as claims without an article heading, or in an article that states no law', () => {
      const loose = article('Findings', 'The mission recorded the following:');
      assert.equal(highClaims(loose).length, 3, JSON.stringify(highClaims(loose).map((c) => c.text)));
      const report = article('Article 9: arbitrary detention', 'The Committee is concerned about the following cases and should act:');
      assert.equal(highClaims(report).length, 3);
    });

    it('ends an article at the next article heading', () => {
      const text = [
        'Article 1', 'The Parties shall respect this instrument.',
        'Article 2', 'Witnesses said the guards tortured the prisoners.',
      ].join('\n\n');
      assert.deepEqual(detectClaims(text).map((c) => c.text), ['Witnesses said the guards tortured the prisoners.']);
    });

    it('does not take a mention of an article in running text for a heading', () => {
      const text = 'Under Article 5 the State shall act. The journalist was arrested on Monday.';
      assert.deepEqual(detectClaims(text).map((c) => c.text), ['The journalist was arrested on Monday.']);
    });
  });

  describe('sentences that speak of an act without reporting it', () => {
    it('marks a question low', () => {
      const claim = only('Who ordered the arrest of the two reporters?');
      assert.equal(claim.confidence, 'low');
      assert.equal(claim.reason, 'question: "?"');
      assert.equal(only('"Why was my son tortured?"').confidence, 'low');
    });

    it('marks a call for a release or an investigation low, naming the call', () => {
      assert.equal(only('The union called for the immediate release of the detained editors.').reason, 'called-for: "called for the immediate release"');
      assert.equal(only('Rights groups urged the government to investigate the killing of the farmer.').reason, 'called-for: "urged the government to investigate"');
      assert.equal(only('There is a need for an inquiry into the abduction of the pastor.').confidence, 'low');
    });

    it('keeps a report in a clause of its own after a call', () => {
      const claim = only('The union called for the release of the editor, who was arrested at his home on Monday.');
      assert.equal(claim.confidence, 'high');
      assert.deepEqual(claim.cues.map((c) => c.use), ['affirmed']);
    });

    it('does not take a demand of the abductors for a call', () => {
      const claim = only('The kidnappers demanded a ransom in exchange for her release.');
      assert.equal(claim.confidence, 'high');
      assert.equal(claim.categories[0].id, 'hostage-taking');
    });

    it('marks a release or an acquittal low', () => {
      assert.equal(only('The teacher had been released from detention in March.').reason, 'released: "released"');
      assert.equal(only('The court acquitted the blogger of sedition.').reason, 'released: "acquitted"');
      assert.equal(only('The abducted villagers were freed by the army on Sunday.').reason, 'released: "freed"');
      assert.equal(only('The kidnapped nurses have since been released.').reason, 'released: "released"');
    });

    it('reads "not guilty" as an acquittal, with the cue gapped around it or after it', () => {
      for (const [text, because] of [
        ['The court found the two journalists not guilty.', 'not guilty'],
        ['The editors were found not guilty on all counts.', 'not guilty'],
        ['The tribunal found that the blogger was not guilty.', 'not guilty'],
        ['The court found him not guilty of sedition.', 'not guilty'],
        ['The court found him not guilty of torture.', 'not guilty'],
        ['The blogger was not found guilty of sedition.', 'not found guilty'],
        ["The blogger wasn't found guilty.", "wasn't found guilty"],
        ['The jury returned a not guilty verdict.', 'not guilty'],
      ] as const) {
        const claim = only(text);
        assert.equal(claim.confidence, 'low', text);
        assert.equal(claim.reason, `released: "${because}"`, text);
        assert.deepEqual(claim.cues.map((cue) => cue.use).filter((use) => use !== 'released'), [], text);
      }
    });

    it('keeps a conviction, and does not take a plea of not guilty for an acquittal', () => {
      assert.equal(only('The court found the two journalists guilty.').confidence, 'high');
      assert.equal(only('The court found him guilty of sedition.').confidence, 'high');
      assert.equal(only('The editors pleaded not guilty to sedition.').reason, 'negated: "not guilty"');
    });

    it('keeps an arrest that the same sentence reports before the release', () => {
      const claim = only('The activist was arrested on Friday and released on bail two days later.');
      assert.equal(claim.confidence, 'high');
      assert.equal(claim.categories[0].id, 'arbitrary-detention');
    });

    it('marks a proceeding named as a purpose low', () => {
      assert.equal(only('The two organisers were extradited to Spain for trial.').reason, 'hypothetical: "for trial"');
      assert.equal(only('The files were handed over for a criminal prosecution.').reason, 'hypothetical: "for a criminal prosecution"');
      assert.equal(only('The blogger stood trial for insulting the king.').confidence, 'high');
    });

    it('marks the future and a wish low', () => {
      assert.equal(only('The editor will be prosecuted next month.').reason, 'hypothetical: "will"');
      assert.equal(only('The minister wants to prosecute the organisers.').reason, 'hypothetical: "wants"');
    });
  });

  describe('reports in the present', () => {
    it('takes a practice or an act in progress as a report', () => {
      assert.equal(only('Security forces are subjecting detainees to torture.').confidence, 'high');
      assert.equal(only('Two editors are standing trial on sedition charges.').confidence, 'high');
      assert.equal(only('Arrests of bloggers remain routine in the province.').confidence, 'high');
      assert.equal(only('Abductions of farmers are widespread in the north.').confidence, 'high');
    });

    it('still marks a mention without any event low', () => {
      assert.equal(only('Abductions of farmers in the north.').reason, 'mention without a reported event');
    });
  });

  describe('compounds and set phrases that name something else', () => {
    it('does not take the end of a hyphenated compound or a hunger strike for an act', () => {
      assert.deepEqual(detectClaims('The anti-kidnapping unit was deployed to the village.'), []);
      assert.deepEqual(detectClaims('The driver suffered a life-threatening injury in the crash.'), []);
      assert.deepEqual(detectClaims('Many editors now practise self-censorship.'), []);
      assert.deepEqual(detectClaims('The prisoners began a hunger strike last week.'), []);
    });

    it('keeps an act next to such a compound, and a re- that repeats the act', () => {
      assert.equal(categories('Officers of the anti-robbery squad arrested the reporter.')[0], 'arbitrary-detention');
      assert.equal(only('The poet was re-arrested a week after her release.').confidence, 'high');
    });
  });

  describe('the prosecution of those responsible', () => {
    it('drops the trial cues of proceedings against the perpetrators', () => {
      const claim = only('The family asked for the prosecution of those responsible for the massacre.');
      assert.deepEqual(claim.categories.map((c) => c.id), ['wilful-killing']);
    });
  });

  describe('denial of prisoner-of-war status, with any object between the denial and the status', () => {
    it('matches the denial across its object, as one cue from the verb to the status', () => {
      const claim = only('The report finds that the army routinely denies captured Ukrainian marines the status of prisoners of war.');
      assert.equal(claim.confidence, 'high');
      assert.equal(claim.categories[0].id, 'denial-of-pow-status');
      assert.equal(claim.cues[0].text, 'denies captured Ukrainian marines the status of prisoners of war');
      assert.equal(categories('They were denied POW status.')[0], 'denial-of-pow-status');
    });

    it('does not reach across a clause or further than six words', () => {
      assert.deepEqual(detectClaims('The State denies, in every statement, that they have the status of prisoners of war.'), []);
      assert.deepEqual(detectClaims('It denies that the men it holds in the eastern camps were given the status of prisoners of war.'), []);
    });

    it('works for a workspace cue with a gap, and in the editor\'s suggestions', () => {
      const taxonomy = resolveTaxonomy({ categories: [{ id: 'pillage', label: 'Pillage', cues: ['stripped … of their belongings'] }] });
      const hits = findCues('Soldiers stripped the villagers of their belongings.', compileCueMatcher(taxonomy));
      assert.deepEqual(hits.map((hit) => hit.payload.cue), ['stripped … of their belongings']);
      assert.equal(hits[0].start, 'Soldiers '.length);
      const suggested = suggestCategories('It denies the men the status of prisoners of war', DEFAULT_TAXONOMY).map((s) => s.category.id);
      assert.ok(suggested.includes('denial-of-pow-status'), suggested.join());
    });
  });

  describe('cues of unlawful prosecution and of other acts against defenders', () => {
    it('finds charges, trials, convictions and sentences', () => {
      for (const text of [
        'The lawyer was charged with spreading false news.',
        'Four activists stood trial in a closed court last week.',
        'A court found the cartoonist guilty of insulting the president.',
        'The editor received a life sentence for sedition.',
      ]) assert.equal(categories(text)[0], 'unlawful-prosecution', text);
    });

    it('reports a fair trial only in its denial', () => {
      assert.equal(categories('The opposition leader was denied a fair trial.')[0], 'unlawful-prosecution');
      assert.deepEqual(detectClaims('Both governments promised the accused a fair and public hearing.'), []);
    });

    it('finds threats, harassment, raids, surveillance, smear campaigns, travel bans and closures as other', () => {
      for (const text of [
        'The reporter received death threats after the broadcast.',
        'Police raided the offices of the human rights group.',
        'The lawyer has been under surveillance since March.',
        'A smear campaign was launched against the ombudsman.',
        'The authorities imposed a travel ban on the activist.',
        'The radio station was shut down by the regulator.',
        'Defenders were harassed and intimidated by officials.',
      ]) assert.equal(categories(text)[0], 'other', text);
    });

    it('no longer takes captivity alone for hostage-taking', () => {
      assert.deepEqual(detectClaims('The prisoners of war spent two years in captivity.'), []);
    });

    it('reads a detainee held at an undisclosed location as cut off from the outside world', () => {
      assert.equal(categories('The blogger was held at an undisclosed location for a month.')[0], 'incommunicado-detention');
    });
  });
});
