import type { ArticleSeed } from '../article-seed.js';
import { associateDegree } from '../illustrations/scenes.js';
import { bold, doc, h2, link, p, ul } from '../rich-text.js';

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
    h2('What changes the timeline'),
    ul(
      [bold('Part-time study: '), 'taking fewer courses each term to fit around work or family often stretches the degree to three or four years.'],
      [bold('Transfer credits: '), 'courses from earlier study, military training or exams can count toward the degree and shorten it.'],
      [bold('Accelerated terms: '), 'some programmes run short, intensive terms all year, so motivated students finish sooner.'],
      [bold('Developmental courses: '), 'classes that build maths or writing skills before the degree begins can add a term.'],
    ),
    h2('Types of associate degrees'),
    p(
      'The Associate of Arts (AA) and Associate of Science (AS) are designed to transfer into a bachelor’s degree. The Associate of Applied Science (AAS) prepares you for work straight away in fields such as nursing, IT support or web development.',
    ),
    h2('Is it worth it?'),
    p(
      'An associate degree costs far less than the first two years at most universities, and many graduates transfer with their credits intact. The ',
      link('https://www.bls.gov/', 'U.S. Bureau of Labor Statistics'),
      ' reports higher median earnings and lower unemployment for associate degree holders than for people with only a high school diploma.',
    ),
    h2('Planning your path'),
    p(
      'Before enrolling, check how credits transfer to the four-year schools you might attend later, ask about evening or online options, and map out the courses you need term by term. A clear plan is the surest way to finish on time.',
    ),
  ),
};
