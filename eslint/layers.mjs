// One-way imports between the source folders. Each folder of src/ has a rank; a file may import
// only from its own folder or from a folder of lower rank:
//
//   core ← excel ← readers ← layout ← render ← office ← taskpane / cli / commands
//
// Folders of the same top rank (taskpane, cli, commands) do not import each other. The rule
// resolves relative paths (the project uses no path aliases), so `../office/x` from
// `src/render/office/y.ts` is caught while `./office/x` inside src/render is not.
import path from 'node:path';

export const RANKS = {
  core: 0,
  excel: 1,
  readers: 2,
  layout: 3,
  render: 4,
  office: 5,
  taskpane: 6,
  cli: 6,
  commands: 6,
};

/** The top folder of src/ that `file` lies in, or null outside src/. */
export function folderOf(file, srcRoot) {
  const rel = path.relative(srcRoot, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  const top = rel.split(path.sep)[0];
  return Object.hasOwn(RANKS, top) ? top : null;
}

/** Why `from` may not import `to`, or null when it may. */
export function backwardImport(from, to) {
  if (from === null || to === null || from === to) return null;
  if (RANKS[to] < RANKS[from]) return null;
  if (RANKS[to] === RANKS[from])
    return `src/${from} and src/${to} are doors of the same rank: share code through a lower folder`;
  return `src/${from} may not import src/${to}: imports run core ← excel ← readers ← layout ← render ← office ← taskpane/cli/commands`;
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports run one way between the folders of src/' },
    schema: [
      { type: 'object', properties: { srcRoot: { type: 'string' } }, additionalProperties: false },
    ],
  },
  create(context) {
    const srcRoot = path.resolve(context.options[0]?.srcRoot ?? path.join(context.cwd, 'src'));
    const file = context.filename;
    const from = folderOf(file, srcRoot);
    if (from === null) return {};
    const check = (node, source) => {
      if (!source || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const to = folderOf(path.resolve(path.dirname(file), source.value), srcRoot);
      const why = backwardImport(from, to);
      if (why) context.report({ node: source, message: why });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
    };
  },
};

export default { rules: { 'one-way': rule } };
