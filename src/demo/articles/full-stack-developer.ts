import type { ArticleSeed } from '../article-seed.js';
import { fullStackDeveloper } from '../illustrations/scenes.js';
import { bold, doc, h2, link, p, ul } from '../rich-text.js';

export const fullStackDeveloperArticle: ArticleSeed = {
  slug: 'what-is-a-full-stack-developer',
  title: 'What Is a Full-Stack Developer? A Career Guide',
  description:
    'Full-stack developers work on both the front end and the back end of websites and applications. Explore the skills, salary and steps to start this career.',
  publishDate: '2021-11-29',
  type: 'Article',
  topics: ['software-development', 'programming-languages'],
  image: {
    fileName: 'full-stack-developer-home-office.jpg',
    contentType: 'image/jpeg',
    alt: '[Featured image] A full-stack developer wearing a blue and red-striped sweater sits at a wooden desk in a home office working on a desktop computer.',
    title: 'Full-stack developer in a home office',
    draw: fullStackDeveloper,
  },
  body: doc(
    p(
      'A full-stack developer can build every layer of a web application: the pages people see in the browser, the server that answers their requests, and the database that remembers what they did. That range makes full-stack developers valuable to small teams and start-ups, where one person often carries a feature from sketch to launch.',
    ),
    h2('Front end, back end and everything between'),
    p(
      'The front end is what runs in the browser. It is written in HTML, CSS and JavaScript, usually with a framework such as React, Vue or Svelte. The back end runs on servers: it handles logins, stores data and talks to other services, in languages such as JavaScript on Node.js, Python, Java, Go or C#.',
    ),
    p('Between them sit the parts that tie a product together:'),
    ul(
      [bold('APIs'), ' that let the browser and server exchange data.'],
      [bold('Databases'), ' such as PostgreSQL or SQLite, and the queries that read and write them.'],
      [bold('Deployment'), ': hosting, domains, certificates and the pipeline that ships new versions.'],
    ),
    h2('A day in the life'),
    p(
      'A typical day might start with a bug report about a form that loses its input, move on to designing a new database table for a feature, and end with reviewing a colleague’s pull request. Full-stack developers switch context often, so they rely on good tests, clear notes and a habit of reading documentation such as ',
      link('https://developer.mozilla.org/', 'MDN Web Docs'),
      '.',
    ),
    h2('Skills employers look for'),
    p('On the technical side, most job listings ask for:'),
    ul(
      'Solid HTML and CSS, including accessible markup and layouts that work on small screens.',
      'Modern JavaScript or TypeScript, and one front-end framework in depth.',
      'One server-side language and framework, such as Node.js with Express or Python with Django.',
      'SQL and the basics of database design: tables, keys, indexes and migrations.',
      'Git, automated testing and enough command-line comfort to deploy your own work.',
    ),
    p(
      'Because they touch every layer, full-stack developers spend a lot of time talking with designers, product managers and specialists. Explaining a technical trade-off in plain words, estimating honestly and asking for help early are as valuable as knowing another framework.',
    ),
    h2('How to become one'),
    p(
      'Start with the web platform itself: learn HTML, CSS and JavaScript well before reaching for a framework. Then pick one back-end language and one database and build something complete, such as a reading list app with accounts. Coding bootcamps, online courses and computer science degrees all lead here; what employers want to see is finished, working projects.',
    ),
    p(
      'Put two or three of those projects online with their source code, write a short note on the decisions you made in each, and you will have more to talk about in an interview than most certificates can offer.',
    ),
    h2('Salary and career path'),
    p(
      'Full-stack developers earn salaries comparable to other software engineers, and the breadth of the role leads naturally to technical lead, architect or founding-engineer positions. Many also specialise later, having learned which end of the stack they enjoy most.',
    ),
  ),
};
