// One lint config for the workspace: type-aware TypeScript rules, Vue rules, and
// the architecture rule that the Vue apps never reach into the server or database.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import pluginVue from 'eslint-plugin-vue';
import vueParser from 'vue-eslint-parser';
import prettier from 'eslint-config-prettier';

const browserOnly = {
  patterns: [
    {
      group: ['@plenary/db', '@plenary/db/*', '@plenary/server', '@plenary/server/*', '**/apps/server/**', '**/packages/db/**'],
      message: 'The Vue apps talk to the server through @plenary/contracts only.',
    },
    { group: ['pg', '@electric-sql/*', 'drizzle-orm', 'drizzle-orm/*'], message: 'No database code in the browser.' },
  ],
};

export default tseslint.config(
  { ignores: ['**/dist/**', '**/dist-ssr/**', '**/node_modules/**', '**/.turbo/**', '**/drizzle/meta/**', '**/*.d.ts', '**/.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  ...pluginVue.configs['flat/recommended'],
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', '*.mjs', 'scripts/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.vue'],
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/only-throw-error': 'off',
      '@typescript-eslint/require-await': 'off',
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'Read configuration in env.ts only.' },
      ],
    },
  },
  {
    files: ['**/*.vue'],
    languageOptions: { parser: vueParser, parserOptions: { parser: tseslint.parser, sourceType: 'module' } },
    rules: { 'vue/multi-word-component-names': 'off', 'vue/max-attributes-per-line': 'off', 'vue/singleline-html-element-content-newline': 'off', 'vue/html-self-closing': 'off' },
  },
  // Formatting is Prettier's job: turn off the stylistic rules that would fight it.
  prettier,
  {
    files: ['apps/admin/**', 'apps/portal/**', 'packages/ui/**'],
    rules: { 'no-restricted-imports': ['error', browserOnly] },
  },
  {
    // Tooling, tests and the env file itself may read the environment.
    files: ['**/env.ts', '**/*.config.ts', '**/testing/**', '**/*.test.ts', '**/scripts/**', '**/e2e/**', '**/bench/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['**/*.test.ts', '**/testing/**', '**/e2e/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/unbound-method': 'off' },
  },
);
