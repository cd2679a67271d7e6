import { createApp } from 'vue'
import App from './App.vue'
import { createAppRouter } from './router'
import { createAppI18n } from './i18n'
import './styles/tokens.css'
import './styles/base.css'
import './styles/prose.css'

const i18n = createAppI18n('zh-CN')
document.documentElement.lang = i18n.global.locale.value

createApp(App).use(createAppRouter()).use(i18n).mount('#app')
