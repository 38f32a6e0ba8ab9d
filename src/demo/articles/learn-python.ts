import type { ArticleSeed } from '../article-seed.js';
import { pythonClass } from '../illustrations/scenes.js';
import { bold, code, doc, h2, h3, link, ol, p, ul } from '../rich-text.js';

export const learnPythonArticle: ArticleSeed = {
  slug: 'how-to-learn-python',
  title: 'How to Learn Python: A Step-by-Step Guide',
  description:
    'Python is one of the most popular programming languages. Learn what it is used for and how to start learning it today.',
  publishDate: '2021-09-21',
  type: 'Article',
  topics: ['python', 'programming-languages'],
  image: {
    fileName: 'python-classroom-lab.jpeg',
    contentType: 'image/jpeg',
    alt: '[Featured image] Two women practice writing Python code on their laptops in a classroom lab setting.',
    title: 'Practising Python in a classroom lab',
    draw: pythonClass,
  },
  body: doc(
    p(
      'Python reads almost like plain English, which makes it a favourite first language. It is also a serious professional tool: data analysts, scientists, web developers and automation engineers use it every day.',
    ),
    h2('What Python is used for'),
    p(
      'Python powers data analysis with libraries such as pandas, machine learning with scikit-learn and PyTorch, web applications with Django and Flask, and countless scripts that automate repetitive work. Its large standard library means many tasks need no extra installation at all.',
    ),
    h2('A step-by-step plan'),
    ol(
      [bold('Install Python '), 'from ', link('https://www.python.org/', 'python.org'), ' and write your first script in a simple editor.'],
      [bold('Learn the basics: '), 'variables, lists, dictionaries, loops, functions and reading files.'],
      [bold('Practise daily '), 'with small exercises; fifteen focused minutes beat an occasional long session.'],
      [bold('Build a project '), 'you care about, such as a budget tracker or a script that renames photos.'],
      [bold('Pick a direction: '), 'data, web or automation, and learn the libraries that field uses.'],
    ),
    h3('Tools to start with'),
    p(
      'Python comes with IDLE, a simple editor that is enough for your first weeks. Later, a general editor such as Visual Studio Code adds debugging and helpful hints, and Jupyter notebooks let you run code one step at a time, which suits data work. Learn to use ',
      code('pip'),
      ' to install packages and a virtual environment to keep each project’s packages separate.',
    ),
    h2('How long it takes'),
    p(
      'Most learners can write useful scripts within a few weeks and feel comfortable with the fundamentals in two to three months. Job-ready skills in a specialised area such as data analysis usually take six months to a year of steady practice.',
    ),
    h2('Project ideas for beginners'),
    ul(
      'A number-guessing game that runs in the terminal.',
      'A script that sorts the files in your downloads folder by type.',
      'A program that reads a spreadsheet of expenses and prints a monthly summary.',
      'A small web page built with Flask that shows the weather for your city.',
    ),
    h2('Common mistakes to avoid'),
    p(
      'Many beginners watch tutorials without writing code of their own, which feels productive but builds little skill. Others jump to advanced libraries before they understand lists, loops and functions, and then struggle to read error messages. Type the examples yourself, change them, break them on purpose and read the traceback Python prints: it tells you the file, the line and the kind of error, and learning to read it is a skill in itself.',
    ),
    p(
      'Classes, study groups and online communities keep motivation up and help you get unstuck. Reading other people’s code, and having them read yours, is one of the fastest ways to improve.',
    ),
  ),
};
