// Words people read come from the message catalogue (shared/present), never from a literal in
// code: this rule finds the ones that slip through. It flags, in the files it is enabled for,
//   - JSX text with a letter in it,
//   - a literal or template with a letter given to aria-label, title, alt or placeholder
//     (and aria-description / aria-valuetext),
//   - a literal or template with a letter written by `<stream>.write(…)` (the CLI's output),
//   - a literal with a letter as the `label`, `tooltip` or `title` of an object (the tray model).
// Punctuation, digits and symbols (`·`, `—`, `%`, `⚠`) are not words and pass.

const LETTER = /\p{L}/u;
const WORD_PROPS = new Set(['aria-label', 'aria-description', 'aria-valuetext', 'title', 'alt', 'placeholder']);
const MODEL_KEYS = new Set(['label', 'tooltip', 'title']);

function hasLetters(node) {
  if (!node) return false;
  if (node.type === 'Literal') return typeof node.value === 'string' && LETTER.test(node.value);
  if (node.type === 'TemplateLiteral') return node.quasis.some((q) => LETTER.test(q.value.cooked ?? q.value.raw));
  if (node.type === 'JSXExpressionContainer') return hasLetters(node.expression);
  if (node.type === 'ConditionalExpression') return hasLetters(node.consequent) || hasLetters(node.alternate);
  if (node.type === 'LogicalExpression') return hasLetters(node.left) || hasLetters(node.right);
  if (node.type === 'BinaryExpression' && node.operator === '+') return hasLetters(node.left) || hasLetters(node.right);
  return false;
}

function keyName(key) {
  if (key.type === 'Identifier') return key.name;
  if (key.type === 'Literal') return String(key.value);
  return null;
}

export const noLiteralWords = {
  meta: {
    type: 'problem',
    docs: { description: 'User-visible words come from the message catalogue, not from literals.' },
    schema: [],
    messages: {
      jsxText: 'JSX text "{{text}}" is a user-visible literal: put it in the catalogue and render it with words.t().',
      prop: '{{prop}} is a user-visible literal: put it in the catalogue and render it with words.t().',
      write: 'This text is written for people: put it in the catalogue and render it with words.t().',
      model: '"{{key}}" is a user-visible literal: put it in the catalogue and render it with words.t().',
    },
  },
  create(context) {
    return {
      JSXText(node) {
        if (LETTER.test(node.value)) context.report({ node, messageId: 'jsxText', data: { text: node.value.trim().slice(0, 40) } });
      },
      JSXAttribute(node) {
        const name = node.name.type === 'JSXIdentifier' ? node.name.name : null;
        if (name !== null && WORD_PROPS.has(name) && hasLetters(node.value))
          context.report({ node, messageId: 'prop', data: { prop: name } });
      },
      CallExpression(node) {
        const callee = node.callee;
        if (
          callee.type === 'MemberExpression' &&
          !callee.computed &&
          callee.property.type === 'Identifier' &&
          callee.property.name === 'write'
        ) {
          if (node.arguments.some(hasLetters)) context.report({ node, messageId: 'write' });
        }
      },
      Property(node) {
        const key = keyName(node.key);
        if (
          key !== null &&
          MODEL_KEYS.has(key) &&
          (node.value.type === 'Literal' || node.value.type === 'TemplateLiteral') &&
          hasLetters(node.value)
        ) {
          context.report({ node, messageId: 'model', data: { key } });
        }
      },
    };
  },
};
