// The walkthrough of package.json points at files and commands: each must exist, and its pages
// must be packaged (.vscodeignore keeps out everything it does not list after a "!").
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import picomatch from 'picomatch';

interface Step {
  id: string;
  description: string;
  media: { markdown?: string; image?: string };
  completionEvents?: string[];
}

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
  contributes: { commands: Array<{ command: string }>; walkthroughs: Array<{ title: string; steps: Step[] }> };
};
const ours = new Set(manifest.contributes.commands.map((c) => c.command));
const packaged = readFileSync('.vscodeignore', 'utf8')
  .split('\n')
  .filter((line) => line.startsWith('!'))
  .map((line) => picomatch(line.slice(1)));

/** The commands a step runs: its buttons (`command:` links) and its `onCommand:` completion events. */
function commandsOf(step: Step): string[] {
  const links = [...step.description.matchAll(/\(command:([\w.]+)\)/g)].map((m) => m[1]);
  const events = (step.completionEvents ?? []).filter((e) => e.startsWith('onCommand:')).map((e) => e.slice('onCommand:'.length));
  return [...links, ...events];
}

describe('The walkthrough', () => {
  const [walkthrough] = manifest.contributes.walkthroughs;

  it('is "Get started with Legal Annotator": open a source, tag a passage, review untagged claims, run check', () => {
    assert.equal(walkthrough.title, 'Get started with Legal Annotator');
    assert.deepEqual(walkthrough.steps.map((s) => s.id), ['openSource', 'tagPassage', 'reviewClaims', 'runCheck']);
  });

  for (const step of manifest.contributes.walkthroughs.flatMap((w) => w.steps)) {
    it(`step ${step.id}: its page exists and is packaged, and the commands of ours it names are contributed`, () => {
      const page = step.media.markdown ?? step.media.image;
      assert.ok(page, 'no media');
      assert.ok(existsSync(page), `${page} does not exist`);
      assert.ok(packaged.some((isMatch) => isMatch(page)), `.vscodeignore leaves ${page} out of the .vsix`);
      for (const command of commandsOf(step).filter((c) => c.startsWith('legalAnnotator.'))) {
        assert.ok(ours.has(command), `${command} is not a contributed command`);
      }
    });
  }
});
