import { createApp } from 'vue'
import App from './App.vue'
import { createAppRouter } from './router'
import { createAppI18n } from './i18n'
import { applyLocale, applyTheme, storedLocale, storedTextSize, storedTheme } from './lib/preferences'
import { applyZoom } from './lib/zoom'
import './styles/tokens.css'
import './styles/base.css'
import './styles/prose.css'

// The stored language, theme and text size apply before mounting, so the first paint is already right.
const i18n = createAppI18n(storedLocale())
applyLocale(i18n.global.locale.value)
applyTheme(storedTheme())
void applyZoom(storedTextSize())

createApp(App).use(createAppRouter()).use(i18n).mount('#app')
