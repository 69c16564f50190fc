// The editor benchmark runs inside the real VS Code through the integration harness:
// npm run bench:editor (scripts/test-vscode/run-integration.mjs --suite=bench/editor).
export { run } from '../../test/integration/index';
