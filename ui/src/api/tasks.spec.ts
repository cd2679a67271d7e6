// The UI reads the fingerprint of a refused bundle from the backend's
// message (AppError::UntrustedKey, kind `conflict`); the Rust test
// `bundles_round_trip_between_two_databases` pins that wording.
import { describe, expect, it } from 'vitest'
import { untrustedKeyFingerprint } from './tasks'

// The same refusal as the Chinese UI shows it (`message_zh`) and as the English one does (`message`).
const refusalZh =
  '这个包由「陈老师」签名，但本机尚未信任它的密钥（指纹 9F3C 0D71 52AE 6B84 C2D9）。请向对方核对指纹，确认无误后选择“信任此密钥”再导入'
const refusalEn =
  'the bundle is signed by an untrusted key (fingerprint 9F3C 0D71 52AE 6B84 C2D9); verify it with 陈老师 and trust it to import'

describe('untrustedKeyFingerprint', () => {
  it('finds the fingerprint in an untrusted-key refusal, in either language', () => {
    expect(untrustedKeyFingerprint({ kind: 'conflict', message: refusalZh })).toBe('9F3C 0D71 52AE 6B84 C2D9')
    expect(untrustedKeyFingerprint({ kind: 'conflict', message: refusalEn })).toBe('9F3C 0D71 52AE 6B84 C2D9')
  })

  it('ignores other errors, even with the same words', () => {
    expect(untrustedKeyFingerprint({ kind: 'invalid_input', message: refusalZh })).toBeNull()
    expect(untrustedKeyFingerprint({ kind: 'invalid_input', message: refusalEn })).toBeNull()
    expect(untrustedKeyFingerprint({ kind: 'conflict', message: 'course v2 is older than the installed v3' })).toBeNull()
    expect(untrustedKeyFingerprint({ kind: 'conflict', message: '（指纹 9F3C 0D71）' })).toBeNull()
  })
})
