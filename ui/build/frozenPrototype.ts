// Tauri runs the page with `freezePrototype: true` (Object.prototype is
// frozen, so a compromised page cannot pollute the IPC bridge). Under a
// frozen prototype, plain assignment of a name Object.prototype already has
// (`constructor`, `toString`…) to an ordinary object throws in strict mode
// (the "override mistake"). ECharts' scheduler does exactly that when it
// mocks the model's methods at load, so the impact report's charts never
// loaded in the real window. This rewrites that one assignment to
// Object.defineProperty, which creates the same own property without
// consulting the prototype chain. The desktop check 40-impact.mjs and the
// browser spec impact-frozen-prototype.spec.ts cover it.
import type { Plugin } from 'vite'

const SCHEDULER = /echarts[\\/]lib[\\/]core[\\/]Scheduler\.js$/
const ASSIGNMENT = 'target[name_1] = noop;'
const DEFINITION =
  'Object.defineProperty(target, name_1, { value: noop, writable: true, enumerable: true, configurable: true });'

export function echartsUnderFrozenPrototype(): Plugin {
  return {
    name: 'qunxue:echarts-under-frozen-prototype',
    enforce: 'pre',
    transform(code, id) {
      if (!SCHEDULER.test(id)) return null
      // Fail the build loudly if an ECharts update changes the code: a
      // silent no-op would bring the blank report back.
      if (!code.includes(ASSIGNMENT)) {
        throw new Error(
          `${id}: the mocked-method assignment this plugin rewrites was not found; ` +
            'check ECharts under a frozen Object.prototype again',
        )
      }
      return { code: code.replace(ASSIGNMENT, DEFINITION), map: null }
    },
  }
}
