import type { ArticleSeed } from '../article-seed.js';
import { typescriptVsJavascript } from '../illustrations/scenes.js';
import { bold, code, doc, h2, h3, link, ol, p, ul } from '../rich-text.js';

export const typescriptVsJavascriptArticle: ArticleSeed = {
  slug: 'typescript-vs-javascript',
  title: 'TypeScript vs. JavaScript: Understanding the Differences',
  description:
    'Learn how TypeScript and JavaScript differ, when to use each, and how knowing both can help your programming career.',
  publishDate: '2021-11-12',
  type: 'Article',
  topics: ['programming-languages', 'software-development'],
  image: {
    fileName: 'typescript-vs-javascript-learners.jpg',
    contentType: 'image/jpeg',
    alt: '[Featured Image] An aspiring computer programmer studies TypeScript vs. JavaScript and the applications of each on a computer in a sunny room with other learners.',
    title: 'Learners comparing TypeScript and JavaScript',
    draw: typescriptVsJavascript,
  },
  body: doc(
    p(
      'JavaScript is the language of the web: every browser runs it, and with Node.js it runs on servers too. TypeScript is JavaScript with a type system added on top. Almost every JavaScript program is also a valid TypeScript program, and TypeScript compiles back to plain JavaScript before it runs.',
    ),
    h2('What types add'),
    p(
      'In JavaScript, a variable can hold a number now and a string later, and mistakes show up only when the code runs. TypeScript lets you say what each value should be, and its compiler checks the whole program before it ever runs. Misspelled property names, missing arguments and values that might be undefined are caught in the editor instead of in production.',
    ),
    h3('A small example'),
    p(
      'In JavaScript, ',
      code('function total(prices) { return prices.reduce((a, b) => a + b, 0) }'),
      ' happily accepts a string, and the bug surfaces later as a strange result. In TypeScript you write ',
      code('function total(prices: number[]): number'),
      ', and a call such as ',
      code("total('12')"),
      ' is flagged as an error the moment you type it.',
    ),
    h2('Key differences'),
    ul(
      [bold('Checking: '), 'TypeScript finds many errors at compile time; JavaScript finds them at run time.'],
      [bold('Tooling: '), 'types give editors precise autocompletion and safe automated refactoring.'],
      [bold('Build step: '), 'TypeScript must be compiled; JavaScript runs as written.'],
      [bold('Learning curve: '), 'TypeScript asks you to learn generics, unions and type narrowing on top of JavaScript.'],
      [bold('Ecosystem: '), 'both use the same libraries; most popular packages ship TypeScript type definitions.'],
    ),
    h2('When to use each'),
    p(
      'For a short script or a first programming project, plain JavaScript keeps things simple. For applications that many people maintain over years, TypeScript pays for itself: the types act as documentation that cannot go out of date. The ',
      link('https://www.typescriptlang.org/docs/', 'TypeScript handbook'),
      ' is a good, free place to start once you are comfortable with JavaScript.',
    ),
    p(
      'Many teams also adopt TypeScript gradually: because the compiler accepts JavaScript files, an existing project can add types one module at a time without a rewrite.',
    ),
    h2('A learning path'),
    ol(
      'Learn JavaScript fundamentals: values, functions, objects, arrays and asynchronous code with promises.',
      'Build a small project in plain JavaScript, such as a to-do list in the browser.',
      'Convert that project to TypeScript, adding types one file at a time.',
      'Turn on strict mode and fix what the compiler finds; each error teaches you something.',
    ),
    h2('What it means for your career'),
    p(
      'Job listings for front-end, back-end and full-stack roles increasingly ask for TypeScript. Because it builds on JavaScript, the best path is to learn JavaScript first, then add TypeScript: you will understand both the language and the safety net around it. Knowing both also makes you a better reader of other people’s code, since you will meet each of them in open-source libraries and in job interviews.',
    ),
  ),
};
