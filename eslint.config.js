// ESLint flat config: recommended JavaScript and TypeScript rules over src/, test/ and examples/.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.data/', '.tap/', 'coverage/', 'artifacts/', 'drizzle/', 'openapi/**/*.json', '**/generated/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off'
    }
  },
  {
    // The /explore page's scripts run in the browser, after ECharts (a global) has loaded.
    files: ['src/explore/public/**/*.js'],
    languageOptions: {
      globals: Object.fromEntries(['document', 'location', 'history', 'fetch', 'FormData', 'URLSearchParams', 'HTMLSelectElement', 'Option', 'matchMedia', 'ResizeObserver', 'echarts']
        .map((name) => [name, 'readonly']))
    }
  }
)
