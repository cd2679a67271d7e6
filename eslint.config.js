// ESLint for the Vue front end and the browser/desktop test specs; run by
// `cargo xtask test` (with vue-tsc) before any test, and it must find nothing.
// Type checking itself is vue-tsc's job; this catches what the compiler
// does not: unused code, Vue template mistakes, unsafe patterns.
import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'
import vue from 'eslint-plugin-vue'

export default tseslint.config(
  {
    ignores: ['ui/dist/**', 'ui/build/**', 'target/**', 'node_modules/**', 'playwright-report/**', 'test-results/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      // Formatting is left to the code's existing layout; the layout rules of
      // the Vue preset would only re-wrap attributes.
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/first-attribute-linebreak': 'off',
      'vue/attributes-order': 'off',
      // v-html is used only for HTML the Rust side sanitised with ammonia.
      'vue/no-v-html': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Specs mount small throwaway components next to each other.
    files: ['**/*.spec.ts'],
    rules: { 'vue/one-component-per-file': 'off' },
  },
)
