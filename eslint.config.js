// One linter for the whole tree. The import rules keep the three contexts apart:
// content-script code never reaches the database, components never reach browser APIs.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const dbImports = {
  group: ['**/db', '**/db/**', '@/lib/db', '@/lib/db/**', 'idb', 'fake-indexeddb', 'fake-indexeddb/**'],
  message: 'Content-script code must not import database code: IndexedDB here would be the page\'s origin. Ask the background by message.',
};

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**', 'docs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]", message: 'No HTML strings into the DOM: use text nodes.' },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'No HTML strings into the DOM: use text nodes.' },
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No HTML strings into the DOM: render text.' },
      ],
    },
  },
  {
    // Playwright reads fixture dependencies from the destructured first argument, `{}` included.
    files: ['tests/e2e/**'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['entrypoints/content/**', 'entrypoints/*.content/**', 'lib/content/**', 'lib/scan/**', 'lib/matcher/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [dbImports] }] },
  },
  {
    // Tabs decode the matcher the background compiled (dictionary.get); they never compile one.
    files: ['entrypoints/content/**', 'lib/content/**', 'lib/scan/**'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            dbImports,
            { group: ['**/matcher', '**/matcher/**'], importNames: ['compileMatcher'], message: 'Tabs decode the matcher the background compiled: use decodeMatcher on dictionary.get.' },
            {
              group: ['@mozilla/readability', '**/extract/html-to-article', '**/article-reader.content/**'],
              message: 'The article extractor is injected only when the reader saves an article (lib/page/read-article): every page would evaluate it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'wxt/browser', message: 'Components are pure views: pass data and callbacks in as props.' }, { name: 'webextension-polyfill', message: 'Components are pure views.' }], patterns: [dbImports] },
      ],
    },
  },
);
