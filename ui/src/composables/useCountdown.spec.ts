import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { mount } from '@vue/test-utils'
import { useCountdown } from './useCountdown'

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(new Date('2026-11-20T09:00:00+08:00'))
})
afterEach(() => vi.useRealTimers())

function harness() {
  const onExpire = vi.fn()
  let countdown!: ReturnType<typeof useCountdown>
  const wrapper = mount(
    defineComponent({
      setup() {
        countdown = useCountdown(onExpire)
        return () => h('div')
      },
    }),
  )
  return { countdown, onExpire, wrapper }
}

describe('useCountdown', () => {
  it('counts down from the backend figure and announces five and one minute', () => {
    const { countdown } = harness()
    countdown.sync(302)
    expect(countdown.remaining.value).toBe(302)
    expect(countdown.announced.value).toBeNull()
    vi.advanceTimersByTime(2_000)
    expect(countdown.remaining.value).toBe(300)
    expect(countdown.announced.value).toBe(300)
    vi.advanceTimersByTime(240_000)
    expect(countdown.announced.value).toBe(60)
  })

  it('follows a corrected figure from the backend', () => {
    const { countdown } = harness()
    countdown.sync(600)
    vi.advanceTimersByTime(10_000)
    countdown.sync(580)
    expect(countdown.remaining.value).toBe(580)
  })

  it('calls onExpire once at zero and stops', () => {
    const { countdown, onExpire } = harness()
    countdown.sync(3)
    vi.advanceTimersByTime(3_000)
    expect(countdown.remaining.value).toBe(0)
    expect(onExpire).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(10_000)
    countdown.sync(5)
    expect(onExpire).toHaveBeenCalledTimes(1)
  })

  it('expires at once when a resumed attempt has no time left', () => {
    const { countdown, onExpire } = harness()
    countdown.sync(0)
    expect(onExpire).toHaveBeenCalledTimes(1)
  })

  it('shows nothing for a quiz without a limit', () => {
    const { countdown, onExpire } = harness()
    countdown.sync(null)
    vi.advanceTimersByTime(60_000)
    expect(countdown.remaining.value).toBeNull()
    expect(onExpire).not.toHaveBeenCalled()
  })

  it('stops ticking when the screen goes away', () => {
    const { countdown, onExpire, wrapper } = harness()
    countdown.sync(2)
    wrapper.unmount()
    vi.advanceTimersByTime(5_000)
    expect(onExpire).not.toHaveBeenCalled()
  })
})
