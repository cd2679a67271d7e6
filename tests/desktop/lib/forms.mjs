// Helpers the desktop checks share for filling in forms and picking profiles
// the way a person does.

/** Sets a form control's value the way typing would, so Vue's v-model hears it. */
export async function type(t, selector, value) {
  await t.driver.executeScript(
    `const el = document.querySelector(arguments[0]);
     if (!el) throw new Error('no element matches ' + arguments[0]);
     el.value = arguments[1];
     el.dispatchEvent(new Event('input', { bubbles: true }));`,
    [selector, value],
  )
}

/** On the profile picker: the test id of the "use" button of the profile named `name`. */
export async function profileButton(t, name) {
  return t.waitFor(`the card of ${name}`, async () =>
    t.driver.executeScript(
      `return [...document.querySelectorAll('[data-testid="profile-card"]')]
         .filter((c) => c.textContent.includes(arguments[0]))
         .map((c) => c.querySelector('[data-testid^="profile-use-"]').dataset.testid)[0]`,
      [name],
    ),
  )
}

/** Switches to the profile named `name` in the picker, with its PIN when it has one. */
export async function useProfile(t, name, pin) {
  await t.navigate('/profiles')
  await t.click(`[data-testid="${await profileButton(t, name)}"]`)
  if (pin) {
    await t.waitFor('the PIN dialog', () => t.find('[data-testid="pin-dialog"]'))
    await type(t, '[data-testid="pin-input"]', pin)
    await t.click('[data-testid="pin-submit"]')
  }
  await t.waitFor('the switch', async () => (await t.driver.findElements('css selector', '[data-testid="pin-dialog"]')).length === 0)
}
