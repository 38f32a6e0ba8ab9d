import type { ArticleSeed } from '../article-seed.js';
import { associateDegree } from '../illustrations/scenes.js';
import { bold, doc, h2, link, ol, p, ul } from '../rich-text.js';

export const associateDegreeArticle: ArticleSeed = {
  slug: 'how-long-does-an-associate-degree-take',
  title: 'How Long Does It Take to Get an Associate Degree?',
  description:
    'Most associate degrees take two years of full-time study, but your path may be shorter or longer. Here is what to expect.',
  publishDate: '2021-10-04',
  type: 'Article',
  topics: ['degrees'],
  image: {
    fileName: 'associate-degree-study-room.webp',
    contentType: 'image/webp',
    alt: '[Featured Image] A prospective learner searches, “How long does it take to get an associate degree?” on their laptop in a quiet study room.',
    title: 'A learner researching associate degrees',
    draw: associateDegree,
  },
  body: doc(
    p(
      'An associate degree is an undergraduate qualification offered by community colleges, technical schools and some universities. It usually requires about 60 credit hours, which a full-time student completes in two years.',
    ),
    h2('How the two years add up'),
    p(
      'Most courses are worth three credits, so 60 credits means about 20 courses. A full-time student takes around 15 credits, or five courses, each semester. Four semesters later, usually two autumns and two springs, the degree is complete:',
    ),
    ol(
      'First semester: general education courses such as English composition and college mathematics.',
      'Second semester: more general education and the first courses in your major.',
      'Third semester: core courses in your field, often with a lab or practical component.',
      'Fourth semester: advanced courses, electives and, in some programmes, an internship or capstone project.',
    ),
    h2('What changes the timeline'),
    ul(
      [bold('Part-time study: '), 'taking fewer courses each term to fit around work or family often stretches the degree to three or four years.'],
      [bold('Transfer credits: '), 'courses from earlier study, military training or exams can count toward the degree and shorten it.'],
      [bold('Accelerated terms: '), 'some programmes run short, intensive terms all year, so motivated students finish sooner.'],
      [bold('Developmental courses: '), 'classes that build maths or writing skills before the degree begins can add a term.'],
    ),
    h2('Types of associate degrees'),
    p(
      'The Associate of Arts (AA) and Associate of Science (AS) are designed to transfer into a bachelor’s degree. Many states have agreements that let graduates enter a public university as juniors, with two years already behind them.',
    ),
    p(
      'The Associate of Applied Science (AAS) prepares you for work straight away in fields such as nursing, IT support or web development. Its courses are more practical, so fewer of them may transfer if you later decide to continue.',
    ),
    h2('Is it worth it?'),
    p(
      'An associate degree costs far less than the first two years at most universities, and many graduates transfer with their credits intact. The ',
      link('https://www.bls.gov/', 'U.S. Bureau of Labor Statistics'),
      ' reports higher median earnings and lower unemployment for associate degree holders than for people with only a high school diploma.',
    ),
    p(
      'Tuition at public community colleges is usually a fraction of a four-year university’s, and federal student aid is available for eligible programmes just as it is for bachelor’s degrees.',
    ),
    h2('Planning your path'),
    p(
      'Before enrolling, check how credits transfer to the four-year schools you might attend later, ask about evening or online options, and map out the courses you need term by term. Meet an academic adviser each semester to confirm you are on track. A clear plan is the surest way to finish on time.',
    ),
  ),
};
