// Quiz shapes for component and unit tests: questions of every type from
// 第 1 课 小测 (quizzes/community-ops/banks/m01.toml), as the backend shows them.
import type { AttemptView, ItemFeedback, QuestionView } from '../api/quizTypes'

export const single: QuestionView = {
  id: 'm01-q01',
  type: 'single',
  stemHtml: '<p>下列哪一项<strong>不是</strong>构成社群的必要要素？</p>',
  points: 1,
  options: [
    { key: '1', html: '成员之间有持续的互动' },
    { key: '2', html: '成员有归属感并认同群内规则' },
    { key: '3', html: '成员人数达到 200 人以上' },
    { key: '0', html: '成员有共同的兴趣、需求或目标' },
  ],
}

export const multiple: QuestionView = {
  id: 'm01-q02',
  type: 'multiple',
  stemHtml: '<p>运营得好的社群能为企业带来哪些价值？（多选）</p>',
  points: 2,
  options: [
    { key: '1', html: '更高的用户粘性，体现为留存和复购' },
    { key: '2', html: '成员自发推荐带来的口碑传播' },
    { key: '3', html: '一手的用户反馈与行为数据' },
    { key: '4', html: '无需任何人力投入即可自动增长' },
    { key: '0', html: '可以反复触达的稳定用户基本盘' },
  ],
}

export const trueFalse: QuestionView = {
  id: 'm01-q03',
  type: 'true_false',
  stemHtml: '<p>只要建了一个微信群并把客户拉进来，就等于建成了一个社群。</p>',
  points: 1,
}

export const matching: QuestionView = {
  id: 'm01-q04',
  type: 'matching',
  stemHtml: '<p>把下列社群与它按<strong>建群目的</strong>划分的类型配对。</p>',
  points: 2,
  left: ['周末一起拍城市夜景的摄影爱好者群', '某品牌扫地机器人的用户答疑与反馈群', '21 天 Excel 技能训练营打卡群'],
  right: [
    { key: '2', text: '学习型' },
    { key: '0', text: '兴趣型' },
    { key: '1', text: '产品型' },
  ],
}

export const fillBlank: QuestionView = {
  id: 'm01-q06',
  type: 'fill_blank',
  stemHtml: '<p>通常由公域平台负责把新用户“引进来”，再由____流量运营负责让用户留下来、____。</p>',
  points: 1,
  blankCount: 2,
}

export const ordering: QuestionView = {
  id: 'm01-q08',
  type: 'ordering',
  stemHtml: '<p>把社群运营主线上的工作按通常的先后顺序排列。</p>',
  points: 2,
  items: [
    { key: '2', text: '留存' },
    { key: '0', text: '拉新' },
    { key: '1', text: '促活' },
  ],
}

export const numeric: QuestionView = {
  id: 'm01-q07',
  type: 'numeric',
  stemHtml: '<p>一个 200 人的微信群某天有 36 人发言。该群当天的日活跃率是多少？</p>',
  points: 1,
}

export const shortAnswer: QuestionView = {
  id: 'm01-q12',
  type: 'short_answer',
  stemHtml: '<p>这个结论有什么问题？请给出至少一种更严谨的评估做法。</p>',
  points: 3,
}

export const allTypes: QuestionView[] = [single, multiple, trueFalse, matching, fillBlank, ordering, numeric, shortAnswer]

export const correctFeedback: ItemFeedback = {
  correct: true,
  score: 1,
  maxScore: 1,
  optionFeedback: ['正确。社群看的是关系而不是规模。'],
  explanationHtml: '<p>社群由三个要素构成：共同点、持续互动、身份与规则。</p>',
  correctAnswer: '成员人数达到 200 人以上',
}

export function attemptView(overrides: Partial<AttemptView> = {}): AttemptView {
  return {
    attemptId: 'attempt-1',
    quizId: 'quiz-m01',
    courseId: 'qunxue.community-ops',
    title: '第 1 课 小测：社群运营的概念、意义与类型',
    number: 1,
    status: 'in_progress',
    feedbackMode: 'immediate',
    timeLimitSeconds: 900,
    remainingSeconds: 900,
    passMark: 0.6,
    questions: allTypes,
    answers: {},
    feedback: {},
    ...overrides,
  }
}
