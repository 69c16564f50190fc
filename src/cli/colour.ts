/**
 * Colour in the CLI's text output, for people at a terminal. One decision per stream and run
 * (colourEnabled), then plain ANSI SGR codes. Own codes rather than node:util's styleText:
 * styleText checks process.stdout and the environment itself in recent Node versions, so the
 * decision would be made twice, and differently for standard error and for `--color`.
 * JSON and SARIF never go through here.
 */

/** The flags every command takes, before `--`: the last one given wins. */
export const COLOUR_FLAGS = { on: '--color', off: '--no-color' } as const;

export type ColourFlag = 'on' | 'off' | undefined;

/** argv without --color / --no-color (anywhere before `--`), and which of them was given last. */
export function takeColourFlag(argv: readonly string[]): { argv: string[]; flag: ColourFlag } {
  const rest: string[] = [];
  let flag: ColourFlag;
  let afterTerminator = false;
  for (const arg of argv) {
    if (!afterTerminator && arg === COLOUR_FLAGS.on) flag = 'on';
    else if (!afterTerminator && arg === COLOUR_FLAGS.off) flag = 'off';
    else {
      if (arg === '--') afterTerminator = true;
      rest.push(arg);
    }
  }
  return { argv: rest, flag };
}

/**
 * Whether a stream gets colour, in this order: --no-color; --color; NO_COLOR set to anything
 * but the empty string (no-color.org); FORCE_COLOR set and not "0" or "false"; otherwise only
 * a terminal whose TERM is not "dumb" (a pipe or a file never).
 */
export function colourEnabled(isTTY: boolean | undefined, env: Readonly<Record<string, string | undefined>>, flag: ColourFlag): boolean {
  if (flag !== undefined) return flag === 'on';
  if (env.NO_COLOR) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return isTTY === true && env.TERM !== 'dumb';
}

/** SGR codes: [on, off], the off code resetting only what its on code set. */
const SGR = {
  bold: [1, 22],
  dim: [2, 22],
  underline: [4, 24],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  blue: [34, 39],
  magenta: [35, 39],
  cyan: [36, 39],
} as const;

export type Style = keyof typeof SGR;
export type Paint = (style: Style, text: string) => string;

const plain: Paint = (_style, text) => text;
const ansi: Paint = (style, text) => `\u001b[${SGR[style][0]}m${text}\u001b[${SGR[style][1]}m`;

/** Paints text when `enabled`, else returns it unchanged. */
export function painter(enabled: boolean | undefined): Paint {
  return enabled ? ansi : plain;
}
