import { createApp } from 'vue'
import App from './App.vue'
import { createAppRouter } from './router'
import { createAppI18n } from './i18n'
import { applyLocale, applyTheme, storedLocale, storedTheme } from './lib/preferences'
import './styles/tokens.css'
import './styles/base.css'
import './styles/prose.css'

// The stored language and theme apply before mounting, so the first paint is already right.
const i18n = createAppI18n(storedLocale())
applyLocale(i18n.global.locale.value)
applyTheme(storedTheme())

createApp(App).use(createAppRouter()).use(i18n).mount('#app')
