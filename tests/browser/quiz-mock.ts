// The quiz half of the mock backend (see tauri-mock.ts, which it plugs into
// through window.__QUNXUE_EXTRA_HANDLERS__). It presents, times, scores and
// reviews quizzes the way the contract says the Rust backend does: option
// keys are original indexes shown in a shuffled order, the time left comes
// from when the attempt started, saving after the limit is refused and hands
// the attempt in, missed questions join the review queue. Its state lives in
// sessionStorage, so a reload resumes an attempt like a restart of the app.
import type { Page } from '@playwright/test'
import type { FixtureQuestion, FixtureQuiz } from './fixtures/quiz-m01'

export interface QuizMockOptions {
  quizzes: FixtureQuiz[]
  /** Questions already due for review, and when the next one not yet due comes. */
  review?: { questionIds: string[]; nextDueAt: string | null }
}

export async function installQuizMock(page: Page, options: QuizMockOptions): Promise<void> {
  // Serialised into the page: nothing from this file's scope may be used.
  await page.addInitScript((opts: QuizMockOptions) => {
    type Answer = Record<string, unknown>
    interface Attempt {
      attemptId: string
      quizId: string
      courseId: string
      number: number
      status: 'in_progress' | 'submitted' | 'expired'
      startedAt: number
      submittedAt: number | null
      answers: Record<string, Answer>
      /** Immediate mode: answers whose feedback was shown, final from then on (as in the backend). */
      checked?: string[]
    }
    interface State {
      attempts: Attempt[]
      reviewDue: string[]
      reviewNext: string | null
      nextId: number
    }

    const STORE = '__qunxue_quiz_mock__'
    const w = window as unknown as Record<string, unknown>
    const stored = sessionStorage.getItem(STORE)
    const state: State = stored
      ? JSON.parse(stored)
      : { attempts: [], reviewDue: [...(opts.review?.questionIds ?? [])], reviewNext: opts.review?.nextDueAt ?? null, nextId: 1 }
    const persist = () => sessionStorage.setItem(STORE, JSON.stringify(state))
    w.__QUNXUE_QUIZ_STATE__ = state

    const quizzes = opts.quizzes
    const byQuestion = new Map<string, { question: FixtureQuestion; quiz: FixtureQuiz }>()
    for (const quiz of quizzes) for (const question of quiz.questions) byQuestion.set(question.id, { question, quiz })

    const fail = (kind: string, message: string, message_zh: string) => ({ kind, message, message_zh })
    const rotate = <T>(list: T[], by: number): T[] => list.map((_, i) => list[(i + by) % list.length])
    const strip = (html: string) => html.replace(/<[^>]*>/g, '')
    const normalise = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, '')
    const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())

    function findQuiz(courseId: string, quizId: string): FixtureQuiz {
      const quiz = quizzes.find((q) => q.courseId === courseId && q.quizId === quizId)
      if (!quiz) throw fail('not_found', `quiz ${quizId} of course ${courseId} not found`, `找不到课程 ${courseId} 中的测验 ${quizId}`)
      return quiz
    }

    function findAttempt(attemptId: string): { attempt: Attempt; quiz: FixtureQuiz } {
      const attempt = state.attempts.find((a) => a.attemptId === attemptId)
      if (!attempt) throw fail('not_found', `attempt ${attemptId} not found`, `找不到作答记录 ${attemptId}`)
      return { attempt, quiz: findQuiz(attempt.courseId, attempt.quizId) }
    }

    function questionView(q: FixtureQuestion) {
      const base = { id: q.id, type: q.type, stemHtml: q.stemHtml, points: q.points }
      switch (q.type) {
        case 'single':
        case 'multiple':
          return { ...base, options: rotate(q.options!.map((html, i) => ({ key: String(i), html })), 1) }
        case 'fill_blank':
          return { ...base, blankCount: q.blanks!.length }
        case 'matching':
          return {
            ...base,
            left: q.pairs!.map((pair) => pair[0]),
            right: rotate(q.pairs!.map((pair, i) => ({ key: String(i), text: pair[1] })), 2),
          }
        case 'ordering':
          return { ...base, items: rotate(q.items!.map((text, i) => ({ key: String(i), text })), 3) }
        default:
          return base
      }
    }

    function score(q: FixtureQuestion, a: Answer | undefined): { score: number; correct: boolean | null; optionFeedback: string[] } {
      const points = q.points
      const none = { score: 0, correct: false, optionFeedback: [] as string[] }
      if (!a) return q.type === 'short_answer' ? { ...none, correct: null } : none
      switch (q.type) {
        case 'single': {
          const chosen = Number(a.choice)
          const right = chosen === q.answer
          return { score: right ? points : 0, correct: right, optionFeedback: q.feedback?.[chosen] ? [q.feedback[chosen]] : [] }
        }
        case 'multiple': {
          const choices = ((a.choices as string[]) ?? []).map(Number)
          const per = points / q.answers!.length
          const raw = choices.reduce((sum, c) => sum + (q.answers!.includes(c) ? per : -per), 0)
          const value = Math.max(0, Math.round(raw * 100) / 100)
          return { score: value, correct: value === points, optionFeedback: choices.map((c) => q.feedback?.[c] ?? '').filter(Boolean) }
        }
        case 'true_false': {
          const right = a.value === q.answer
          return { score: right ? points : 0, correct: right, optionFeedback: [] }
        }
        case 'fill_blank': {
          const given = (a.blanks as string[]) ?? []
          const right = q.blanks!.filter((alternatives, i) => alternatives.some((alt) => normalise(alt) === normalise(given[i] ?? ''))).length
          return { score: (points * right) / q.blanks!.length, correct: right === q.blanks!.length, optionFeedback: [] }
        }
        case 'matching': {
          const pairs = (a.pairs as Record<string, string>) ?? {}
          const right = q.pairs!.filter((_, i) => pairs[String(i)] === String(i)).length
          return { score: (points * right) / q.pairs!.length, correct: right === q.pairs!.length, optionFeedback: [] }
        }
        case 'ordering': {
          const order = (a.order as string[]) ?? []
          const right = q.items!.filter((_, i) => order[i] === String(i)).length
          return { score: (points * right) / q.items!.length, correct: right === q.items!.length, optionFeedback: [] }
        }
        case 'numeric': {
          const right = typeof a.value === 'number' && Math.abs(a.value - (q.answer as number)) <= (q.tolerance ?? 0)
          return { score: right ? points : 0, correct: right, optionFeedback: [] }
        }
        case 'short_answer':
          return { score: 0, correct: null, optionFeedback: [] }
      }
    }

    function correctAnswer(q: FixtureQuestion): string {
      switch (q.type) {
        case 'single':
          return strip(q.options![q.answer as number])
        case 'multiple':
          return q.answers!.map((i) => strip(q.options![i])).join('；')
        case 'true_false':
          return q.answer ? '正确' : '错误'
        case 'fill_blank':
          return q.blanks!.map((alternatives) => alternatives.join(' 或 ')).join('；')
        case 'matching':
          return q.pairs!.map(([left, right]) => `${left} → ${right}`).join('；')
        case 'ordering':
          return q.items!.map((item, i) => `${i + 1}. ${item.split('：')[0]}`).join(' → ')
        case 'numeric':
          return q.tolerance ? `${q.answer}（允许误差 ±${q.tolerance}）` : String(q.answer)
        case 'short_answer':
          return q.reference ?? ''
      }
    }

    function yourAnswer(q: FixtureQuestion, a: Answer | undefined): string {
      if (!a) return ''
      switch (q.type) {
        case 'single':
          return strip(q.options![Number(a.choice)] ?? '')
        case 'multiple':
          return ((a.choices as string[]) ?? []).map((c) => strip(q.options![Number(c)] ?? '')).join('；')
        case 'true_false':
          return a.value ? '正确' : '错误'
        case 'fill_blank':
          return ((a.blanks as string[]) ?? []).join('；')
        case 'matching': {
          const pairs = (a.pairs as Record<string, string>) ?? {}
          return q.pairs!.map(([left], i) => `${left} → ${pairs[String(i)] !== undefined ? q.pairs![Number(pairs[String(i)])][1] : '（未选）'}`).join('；')
        }
        case 'ordering':
          return ((a.order as string[]) ?? []).map((key, i) => `${i + 1}. ${q.items![Number(key)].split('：')[0]}`).join(' → ')
        case 'numeric':
          return String(a.value)
        case 'short_answer':
          return String(a.text ?? '')
      }
    }

    function feedback(q: FixtureQuestion, a: Answer | undefined) {
      const result = score(q, a)
      return {
        correct: result.correct,
        score: result.score,
        maxScore: q.points,
        optionFeedback: result.optionFeedback,
        explanationHtml: q.explanation,
        correctAnswer: correctAnswer(q),
      }
    }

    function remaining(attempt: Attempt, quiz: FixtureQuiz): number | null {
      if (quiz.timeLimitSeconds === null) return null
      return Math.max(0, Math.round(quiz.timeLimitSeconds - (Date.now() - attempt.startedAt) / 1000))
    }

    /** Hands in an attempt whose time ran out (the backend does this whenever it looks). */
    function expireIfDue(attempt: Attempt, quiz: FixtureQuiz): void {
      if (attempt.status === 'in_progress' && remaining(attempt, quiz) === 0) {
        attempt.status = 'expired'
        attempt.submittedAt = Date.now()
        queueMissed(attempt, quiz)
        persist()
      }
    }

    function totals(attempt: Attempt, quiz: FixtureQuiz) {
      let total = 0
      let max = 0
      let pending = 0
      for (const q of quiz.questions) {
        const result = score(q, attempt.answers[q.id])
        total += result.score
        max += q.points
        if (q.type === 'short_answer' && attempt.answers[q.id]) pending++
      }
      const percent = max === 0 ? 0 : Math.round((total / max) * 1000) / 10
      return { total, max, pending, percent, passed: pending > 0 ? null : percent >= quiz.passMark * 100 }
    }

    function queueMissed(attempt: Attempt, quiz: FixtureQuiz): void {
      for (const q of quiz.questions) {
        if (q.type === 'short_answer') continue
        const result = score(q, attempt.answers[q.id])
        if (result.score < q.points && !state.reviewDue.includes(q.id)) state.reviewDue.push(q.id)
      }
    }

    function summary(attempt: Attempt, quiz: FixtureQuiz) {
      const done = attempt.status !== 'in_progress'
      const t = totals(attempt, quiz)
      return {
        attemptId: attempt.attemptId,
        number: attempt.number,
        status: attempt.status,
        startedAt: iso(attempt.startedAt),
        submittedAt: iso(attempt.submittedAt),
        percent: done ? t.percent : null,
        passed: done ? t.passed : null,
      }
    }

    function attemptsOf(quiz: FixtureQuiz): Attempt[] {
      const list = state.attempts.filter((a) => a.quizId === quiz.quizId && a.courseId === quiz.courseId)
      for (const attempt of list) expireIfDue(attempt, quiz)
      return list
    }

    function attemptView(attempt: Attempt, quiz: FixtureQuiz) {
      const immediate = quiz.feedbackMode === 'immediate'
      return {
        attemptId: attempt.attemptId,
        quizId: quiz.quizId,
        courseId: quiz.courseId,
        title: quiz.title,
        number: attempt.number,
        status: attempt.status,
        feedbackMode: quiz.feedbackMode,
        timeLimitSeconds: quiz.timeLimitSeconds,
        remainingSeconds: remaining(attempt, quiz),
        passMark: quiz.passMark,
        questions: quiz.questions.map(questionView),
        answers: attempt.answers,
        feedback: immediate
          ? Object.fromEntries(
              (attempt.checked ?? []).map((id) => [id, feedback(byQuestion.get(id)!.question, attempt.answers[id])]),
            )
          : {},
      }
    }

    function attemptResult(attempt: Attempt, quiz: FixtureQuiz) {
      const t = totals(attempt, quiz)
      const used = attemptsOf(quiz).length
      return {
        attemptId: attempt.attemptId,
        quizId: quiz.quizId,
        courseId: quiz.courseId,
        title: quiz.title,
        number: attempt.number,
        percent: t.percent,
        score: t.total,
        maxScore: t.max,
        passed: t.passed,
        pendingManual: t.pending,
        marksArriveBy: 'bundle',
        attemptsLeft: quiz.maxAttempts === 0 ? null : Math.max(0, quiz.maxAttempts - used),
        items: quiz.questions.map((q) => ({
          questionId: q.id,
          stemHtml: q.stemHtml,
          type: q.type,
          yourAnswer: yourAnswer(q, attempt.answers[q.id]),
          feedback: quiz.feedbackMode === 'never' ? null : feedback(q, attempt.answers[q.id]),
        })),
      }
    }

    type Args = Record<string, unknown>
    const handlers: Record<string, (args: Args) => unknown> = {
      module_quizzes: ({ courseId, moduleId }) =>
        quizzes
          .filter((q) => q.courseId === courseId && q.moduleId === moduleId)
          .map((quiz) => {
            const finished = attemptsOf(quiz).filter((a) => a.status !== 'in_progress')
            const percents = finished.map((a) => totals(a, quiz).percent)
            return {
              quizId: quiz.quizId,
              title: quiz.title,
              passed: finished.some((a) => totals(a, quiz).passed === true),
              bestPercent: percents.length ? Math.max(...percents) : null,
            }
          }),
      quiz_overview: ({ courseId, quizId }) => {
        const quiz = findQuiz(courseId as string, quizId as string)
        const attempts = attemptsOf(quiz)
        const open = attempts.find((a) => a.status === 'in_progress') ?? null
        return {
          quizId: quiz.quizId,
          title: quiz.title,
          purpose: quiz.purpose,
          questionCount: quiz.questions.length,
          timeLimitSeconds: quiz.timeLimitSeconds,
          maxAttempts: quiz.maxAttempts,
          passMark: quiz.passMark,
          feedbackMode: quiz.feedbackMode,
          attempts: attempts.map((a) => summary(a, quiz)),
          openAttemptId: open?.attemptId ?? null,
          canStart: !open && (quiz.maxAttempts === 0 || attempts.length < quiz.maxAttempts),
          mastered: attempts.some((a) => a.status !== 'in_progress' && totals(a, quiz).passed === true),
        }
      },
      start_quiz: ({ courseId, quizId }) => {
        const quiz = findQuiz(courseId as string, quizId as string)
        const attempts = attemptsOf(quiz)
        const open = attempts.find((a) => a.status === 'in_progress')
        if (open) return attemptView(open, quiz)
        if (quiz.maxAttempts > 0 && attempts.length >= quiz.maxAttempts) {
          throw fail(
            'invalid_input',
            `all ${quiz.maxAttempts} attempts at “${quiz.title}” are used up`,
            `「${quiz.title}」的 ${quiz.maxAttempts} 次作答机会已经用完`,
          )
        }
        const attempt: Attempt = {
          attemptId: `attempt-${state.nextId++}`,
          quizId: quiz.quizId,
          courseId: quiz.courseId,
          number: attempts.length + 1,
          status: 'in_progress',
          startedAt: Date.now(),
          submittedAt: null,
          answers: {},
        }
        state.attempts.push(attempt)
        persist()
        return attemptView(attempt, quiz)
      },
      save_answer: ({ attemptId, questionId, answer }) => {
        const { attempt, quiz } = findAttempt(attemptId as string)
        expireIfDue(attempt, quiz)
        if (attempt.status !== 'in_progress') throw fail('invalid_input', 'time is up: the attempt has been handed in', '时间已到，这次作答已自动交卷')
        const entry = byQuestion.get(questionId as string)
        if (!entry || entry.quiz !== quiz) {
          throw fail('not_found', `question ${questionId} is not part of this attempt`, `题目 ${questionId} 不属于这次作答`)
        }
        const immediate = quiz.feedbackMode === 'immediate'
        const checked = (attempt.checked ??= [])
        if (immediate && checked.includes(questionId as string)) {
          throw fail(
            'invalid_input',
            `question ${questionId} was checked and its feedback shown, so its answer is final`,
            `题目 ${questionId} 已经核对并显示了反馈，答案不能再修改`,
          )
        }
        attempt.answers[questionId as string] = answer as Answer
        // Like the backend: saving checks one-click types; the rest wait for check_answer.
        const oneStep = entry.question.type === 'single' || entry.question.type === 'true_false'
        if (immediate && oneStep) checked.push(questionId as string)
        persist()
        return {
          remainingSeconds: remaining(attempt, quiz),
          feedback: immediate && oneStep ? feedback(entry.question, answer as Answer) : null,
        }
      },
      check_answer: ({ attemptId, questionId }) => {
        const { attempt, quiz } = findAttempt(attemptId as string)
        if (quiz.feedbackMode !== 'immediate') throw fail('invalid_input', 'this quiz shows feedback only after hand-in', '这个测验交卷后才显示反馈')
        const answer = attempt.answers[questionId as string]
        if (answer === undefined) {
          throw fail('invalid_input', `question ${questionId} has no saved answer to check`, `题目 ${questionId} 还没有保存的答案可以核对`)
        }
        const checked = (attempt.checked ??= [])
        if (!checked.includes(questionId as string)) checked.push(questionId as string)
        persist()
        return feedback(byQuestion.get(questionId as string)!.question, answer)
      },
      submit_attempt: ({ attemptId }) => {
        const { attempt, quiz } = findAttempt(attemptId as string)
        expireIfDue(attempt, quiz)
        if (attempt.status === 'in_progress') {
          attempt.status = 'submitted'
          attempt.submittedAt = Date.now()
          queueMissed(attempt, quiz)
          persist()
        }
        return attemptResult(attempt, quiz)
      },
      attempt_result: ({ attemptId }) => {
        const { attempt, quiz } = findAttempt(attemptId as string)
        expireIfDue(attempt, quiz)
        if (attempt.status === 'in_progress') throw fail('invalid_input', 'this attempt is still in progress', '这次作答还没有结束')
        return attemptResult(attempt, quiz)
      },
      review_queue: () => ({
        due: state.reviewDue.map((id) => {
          const { question, quiz } = byQuestion.get(id)!
          return { questionId: id, courseId: quiz.courseId, question: questionView(question), dueAt: new Date(Date.now() - 3600_000).toISOString() }
        }),
        dueCount: state.reviewDue.length,
        nextDueAt: state.reviewNext,
      }),
      answer_review: ({ questionId, answer }) => {
        const entry = byQuestion.get(questionId as string)
        if (!entry) throw fail('not_found', `question ${questionId} is not in the review queue`, `题目 ${questionId} 不在复习队列中`)
        const result = feedback(entry.question, answer as Answer)
        state.reviewDue = state.reviewDue.filter((id) => id !== questionId)
        const next = new Date(Date.now() + (result.correct ? 3 * 86400_000 : 600_000)).toISOString()
        if (!state.reviewNext || next < state.reviewNext) state.reviewNext = next
        persist()
        return { feedback: result, nextDueAt: next }
      },
    }

    w.__QUNXUE_EXTRA_HANDLERS__ = { ...((w.__QUNXUE_EXTRA_HANDLERS__ as object) ?? {}), ...handlers }
  }, options)
}
