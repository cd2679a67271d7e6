// What the author commands answer for a small pack being written: a store
// training course with three modules (one with a warning, one for
// instructors only) and a quiz with one question of every type; the same
// pack after a save that broke a module's front matter; and the reports of
// converting a Word file. Shared by the Vitest specs and the browser mock
// (tests/browser/author-mock.ts), so both read the same realistic data.
import type { AuthorQuestion, AuthorSnapshot, ConvertReport, PackQuestion } from '../api/author'
import type { Diagnostic } from '../api/types'

export const AUTHOR_FOLDER = '/home/author/packs/store-service'
const COURSE_DIR = 'courses/store-service'
export const MODULE_FILES = {
  greeting: `${COURSE_DIR}/modules/01-greeting.md`,
  display: `${COURSE_DIR}/modules/02-display.md`,
  coaching: `${COURSE_DIR}/modules/03-coaching.md`,
} as const

const greetingHtml = `
<p>顾客进店后的前 30 秒，决定了他愿不愿意听你介绍。<strong>先招呼，再观察，后推荐</strong>是门店导购的基本顺序。</p>
<h2 id="step-1">一、三步迎客</h2>
<ol>
<li><strong>招呼</strong>：目光接触、微笑，说“欢迎光临鲜果优选”；</li>
<li><strong>观察</strong>：看顾客走向哪个区、拿起什么水果；</li>
<li><strong>推荐</strong>：从顾客拿起的水果说起，不要一开口就推促销。</li>
</ol>
<h2 id="step-2">二、常见开场白</h2>
<table>
<thead><tr><th>场景</th><th>开场白</th></tr></thead>
<tbody>
<tr><td>顾客在挑榴莲</td><td>“这批是今天上午到的金枕，我帮您挑一个熟度合适的？”</td></tr>
<tr><td>顾客在看礼盒</td><td>“是送人还是自己吃？送人的话这款包装更好。”</td></tr>
</tbody>
</table>
<blockquote><p>不要问“需要帮忙吗？”——顾客几乎总会说“随便看看”。</p></blockquote>
<div class="qx-instructor"><p>演练时请两人一组，一人扮顾客，一人扮导购，每轮 3 分钟后互换。</p></div>
`

const displayHtml = `
<p>陈列的目标是让顾客<strong>一眼看到当季、一伸手拿到爆品</strong>。</p>
<h2 id="rules">陈列三原则</h2>
<ul>
<li>当季水果放在进门第一个堆头；</li>
<li>同色系不相邻，红黄绿交错摆放；</li>
<li>价签正对通道，字号不小于 48 磅。</li>
</ul>
<p>陈列完成后，用手机从门口拍一张照片，上传到实操任务。</p>
`

const coachingHtml = `
<p>本课供店长带教使用：如何在早会上用 10 分钟复盘前一天的服务案例。</p>
<h2 id="agenda">早会流程</h2>
<ol><li>回顾一个好案例（3 分钟）</li><li>讨论一个待改进的案例（5 分钟）</li><li>布置今天的练习（2 分钟）</li></ol>
`

function question(q: Partial<PackQuestion> & Pick<PackQuestion, 'id' | 'type' | 'stem'>, explanation: string): AuthorQuestion {
  const full: PackQuestion = { difficulty: 2, tags: [], points: 1, explanation, ...q }
  return { stemHtml: `<p>${q.stem}</p>`, explanationHtml: `<p>${explanation}</p>`, question: full }
}

export const authorQuestions: AuthorQuestion[] = [
  question(
    {
      id: 'g-q1',
      type: 'single',
      stem: '顾客进店后，导购第一步应该做什么？',
      options: ['马上介绍今天的促销', '目光接触并微笑招呼', '跟在顾客身后'],
      answer: 1,
      feedback: ['促销放在最后：先了解顾客要什么。', '', '跟得太紧会让顾客想离开。'],
    },
    '先招呼、再观察、后推荐。',
  ),
  question(
    {
      id: 'g-q2',
      type: 'multiple',
      stem: '哪些是好的开场白？',
      options: ['需要帮忙吗？', '这批金枕是今天上午到的', '是送人还是自己吃？', '随便看看吧'],
      answers: [1, 2],
    },
    '从顾客正在看的商品说起，问开放式问题。',
  ),
  question({ id: 'g-q3', type: 'true_false', stem: '价签应该正对通道。', answer: true }, '顾客走在通道上时就能看到价格。'),
  question(
    {
      id: 'g-q4',
      type: 'fill_blank',
      stem: '迎客三步：招呼、____、推荐。',
      blanks: [['观察', '观察顾客']],
      partial_blanks: [[{ answer: '看', percent: 50 }]],
    },
    '观察顾客走向哪个区、拿起什么水果。',
  ),
  question(
    {
      id: 'g-q5',
      type: 'matching',
      stem: '把场景和开场白配对。',
      pairs: [
        ['挑榴莲', '帮您挑一个熟度合适的'],
        ['看礼盒', '是送人还是自己吃'],
      ],
      distractors: ['需要帮忙吗'],
    },
    '开场白要接住顾客正在做的事。',
  ),
  question(
    { id: 'g-q6', type: 'ordering', stem: '把早会流程排好顺序。', items: ['回顾好案例', '讨论待改进案例', '布置练习'] },
    '先肯定，再改进，最后行动。',
  ),
  question({ id: 'g-q7', type: 'numeric', stem: '价签字号至少多少磅？', answer: 48, tolerance: 2 }, '48 磅左右在两米外也能看清。'),
  question(
    { id: 'g-q8', type: 'short_answer', stem: '为什么不要问“需要帮忙吗？”', reference: '这个问题很容易得到“随便看看”的回答，对话就结束了。' },
    '封闭式问题让顾客一句话就能拒绝。',
  ),
]

const noAlt: Diagnostic = {
  file: MODULE_FILES.display,
  line: 12,
  col: 1,
  severity: 'warning',
  message: 'image `assets/display.png` has no alt text',
  message_zh: '图片 `assets/display.png` 没有替代文字',
}

export const authorSnapshot: AuthorSnapshot = {
  folder: AUTHOR_FOLDER,
  revision: 1,
  elapsedMs: 38,
  diagnostics: [noAlt],
  courses: [
    {
      slug: 'store-service',
      id: 'xianguo.store-service',
      title: '门店导购服务标准',
      language: 'zh-CN',
      description: '鲜果优选门店导购的迎客、陈列与带教标准。',
      organisation: '鲜果优选连锁',
      primaryColour: '#ea580c',
      logoUrl: null,
      manifestPath: `${COURSE_DIR}/course.toml`,
      modules: [
        {
          id: 'greeting',
          path: MODULE_FILES.greeting,
          kind: 'theory',
          title: '迎客与开场',
          minutes: 20,
          objectives: ['说出迎客三步的顺序', '针对两种常见场景说出开场白'],
          audience: 'learner',
          html: greetingHtml,
          headings: [
            { level: 2, id: 'step-1', text: '一、三步迎客' },
            { level: 2, id: 'step-2', text: '二、常见开场白' },
          ],
          quizIds: ['greeting-check'],
          taskIds: [],
        },
        {
          id: 'display',
          path: MODULE_FILES.display,
          kind: 'practice',
          title: '水果陈列实操',
          minutes: 30,
          objectives: ['按三原则完成一个堆头'],
          audience: 'learner',
          html: displayHtml,
          headings: [{ level: 2, id: 'rules', text: '陈列三原则' }],
          quizIds: [],
          taskIds: ['display-photo'],
        },
        {
          id: 'coaching',
          path: MODULE_FILES.coaching,
          kind: 'case',
          title: '店长早会带教',
          minutes: 15,
          objectives: [],
          audience: 'instructor',
          html: coachingHtml,
          headings: [{ level: 2, id: 'agenda', text: '早会流程' }],
          quizIds: [],
          taskIds: [],
        },
      ],
      quizzes: [
        { id: 'greeting-check', title: '迎客小测', purpose: 'module', passMark: 0.6, drawn: 2, questions: authorQuestions },
      ],
    },
  ],
}

/** The front-matter error a save of 01-greeting.md brought (`minutes: 二十`). */
export const brokenFrontMatter: Diagnostic = {
  file: MODULE_FILES.greeting,
  line: 4,
  col: 10,
  severity: 'error',
  message: 'front matter: `minutes` must be a whole number, found `二十`',
  message_zh: '前置信息：`minutes` 必须是整数，这里写的是 `二十`',
}

/** The pack after the author saved 01-greeting.md with a broken front matter: the last good render stays, with the error. */
export function savedWithBrokenFrontMatter(revision = 2): AuthorSnapshot {
  return { ...authorSnapshot, revision, elapsedMs: 41, diagnostics: [brokenFrontMatter, noAlt] }
}

export const CONVERT_SOURCE = '/home/author/文档/门店导购培训.docx'
export const CONVERT_OUT = '/home/author/packs/store-training'

const convertedModules = [
  { id: 'welcome', title: '迎客与开场', path: 'courses/store-training/modules/01-welcome.md', sections: 3 },
  { id: 'display', title: '水果陈列', path: 'courses/store-training/modules/02-display.md', sections: 2 },
]

/** A second conversion into a folder where the author edited a module since: nothing written. */
export const convertBlocked: ConvertReport = {
  source: CONVERT_SOURCE,
  outDir: CONVERT_OUT,
  courseId: 'store-training',
  written: [],
  unchanged: [],
  editedFiles: ['courses/store-training/modules/01-welcome.md'],
  modules: convertedModules,
  attention: [],
  diagnostics: [],
}

/** The same conversion allowed to overwrite. */
export const convertDone: ConvertReport = {
  ...convertBlocked,
  written: ['courses/store-training/course.toml', 'courses/store-training/modules/01-welcome.md'],
  unchanged: ['courses/store-training/modules/02-display.md', 'courses/store-training/assets/image-1.png'],
  attention: [
    {
      place: 'paragraph',
      number: 12,
      message: 'a text box was converted as a plain paragraph',
      message_zh: '文本框已转换为普通段落',
    },
  ],
  diagnostics: [
    {
      file: 'courses/store-training/modules/02-display.md',
      line: 9,
      col: 1,
      severity: 'warning',
      message: 'image `assets/image-1.png` has no alt text',
      message_zh: '图片 `assets/image-1.png` 没有替代文字',
    },
  ],
}
