import type { ArticleSeed } from '../article-seed.js';
import { devopsMeeting } from '../illustrations/scenes.js';
import { bold, doc, h2, h3, link, ol, p, quote, ul } from '../rich-text.js';

export const devopsTeamArticle: ArticleSeed = {
  slug: 'devops-team-roles-and-responsibilities',
  title: 'DevOps Team Roles and Responsibilities',
  description:
    'A DevOps team brings developers and operations together. Discover the roles you will find on one and how they work together.',
  publishDate: '2021-08-02',
  type: 'Article',
  topics: ['devops'],
  image: {
    fileName: 'devops-meeting-whiteboard.jpeg',
    contentType: 'image/jpeg',
    alt: '[Featured image] A person in a blue shirt leads a DevOps meeting.',
    title: 'A DevOps meeting at the whiteboard',
    draw: devopsMeeting,
  },
  body: doc(
    p(
      'DevOps is a way of working in which the people who build software and the people who run it share responsibility for the result. A DevOps team is less a department than a set of roles that make that sharing work.',
    ),
    h2('Common roles'),
    ul(
      [bold('DevOps engineer: '), 'builds the pipelines, infrastructure code and tooling the team relies on.'],
      [bold('Site reliability engineer: '), 'sets reliability targets, manages incidents and removes toil through automation.'],
      [bold('Release manager: '), 'coordinates what ships and when, especially where releases need approvals.'],
      [bold('Security engineer: '), 'builds security checks into the pipeline rather than at the end of it.'],
      [bold('Developers: '), 'own their services in production, including alerts and on-call duty.'],
    ),
    h3('Who leads'),
    p(
      'Many teams have a lead or manager who sets priorities, protects time for improvement work and connects the team with the rest of the organisation. The best leads facilitate rather than dictate: they make sure decisions are written down and that the people closest to a problem get to solve it.',
    ),
    h2('How the team works together'),
    p(
      'Good DevOps teams make work visible. They keep a shared backlog, hold short planning meetings, and review incidents without blame so that the system, not a person, gets fixed. The well-known ',
      link('https://sre.google/books/', 'Site Reliability Engineering books'),
      ' describe many of these practices in detail.',
    ),
    quote('If it hurts, do it more often: frequent, small releases are safer than rare, large ones.'),
    h3('Running a good team meeting'),
    ul(
      'Start from a shared board, so everyone sees the same picture of work in progress.',
      'Review alerts and incidents since the last meeting, and agree on one improvement from each.',
      'Keep decisions and owners in writing, and end on time.',
    ),
    h2('Measuring success'),
    p('Many teams track the four measures popularised by the DevOps Research and Assessment (DORA) programme:'),
    ol(
      [bold('Deployment frequency: '), 'how often the team releases to production.'],
      [bold('Lead time for changes: '), 'how long a committed change takes to reach users.'],
      [bold('Change failure rate: '), 'the share of releases that cause a failure.'],
      [bold('Time to restore service: '), 'how quickly the team recovers when something breaks.'],
    ),
    p('Improving all four at once, rather than trading speed for stability, is the sign of a healthy DevOps culture.'),
    h2('Joining a DevOps team'),
    p(
      'Experience in development, system administration or quality assurance all lead into DevOps roles. Curiosity about how systems fail, and patience in explaining it to others, matter as much as any tool. A good first step is to volunteer for the work nobody owns yet: automating a manual release step, quietening an alert that fires too often, or writing the runbook that was missing during the last incident.',
    ),
  ),
};
