// Applies a course's brand colour as the app accent. The variables go on
// <html> because the header, outside the view, uses the accent too; CSSOM
// writes are allowed under the strict CSP. They deliberately outlive the
// outline screen: the module screen belongs to the same course and keeps its
// colour; showing a course without branding clears them. `undefined` means
// "not loaded yet" and changes nothing, so returning to the outline does not
// flash the default colour.
import { watch, type Ref } from 'vue'
import { accentPalette } from '../lib/colour'

export function useCourseAccent(primaryColour: Ref<string | null | undefined>): void {
  const root = document.documentElement
  watch(
    primaryColour,
    (colour) => {
      if (colour === undefined) return
      const palette = accentPalette(colour)
      if (palette) {
        root.style.setProperty('--course-accent', palette.accent)
        root.style.setProperty('--course-accent-on-dark', palette.accentOnDark)
      } else {
        root.style.removeProperty('--course-accent')
        root.style.removeProperty('--course-accent-on-dark')
      }
    },
    { immediate: true },
  )
}
