import type { ArticleSeed } from '../article-seed.js';
import { gameDevelopers } from '../illustrations/scenes.js';
import { bold, doc, h2, h3, link, ol, p, ul } from '../rich-text.js';

export const gameDeveloperArticle: ArticleSeed = {
  slug: 'how-to-become-a-game-developer',
  title: 'How to Become a Game Developer',
  description:
    'Game developers turn ideas into playable experiences. Find out what they do and how to build a portfolio that gets you hired.',
  publishDate: '2021-10-30',
  type: 'Article',
  topics: ['game-development', 'programming-languages'],
  image: {
    fileName: 'game-developers-at-work.png',
    contentType: 'image/png',
    alt: '[Featured image] Two game developers working at a computer station.',
    title: 'Two game developers at a computer station',
    draw: gameDevelopers,
  },
  body: doc(
    p(
      'Game developers write the code that makes a game playable: the physics that make a jump feel right, the tools designers use to build levels, and the systems that keep thousands of players in sync. It is a creative field, but also a demanding engineering one.',
    ),
    h2('Roles in a game studio'),
    p(
      'Large studios split development into specialities. Gameplay programmers build mechanics and controls; engine programmers work on rendering, memory and performance; tools programmers build editors for artists and designers; network programmers handle online play. In small independent teams, one developer may do all of these.',
    ),
    h3('A day at the studio'),
    p(
      'Much of the day is spent in short loops: change some code, run the game, play the moment you changed, and tune it again. Developers sit with designers to adjust how a mechanic feels, fix bugs reported by testers, and profile scenes that drop below the target frame rate. Near a release, the focus shifts to stability and performance on every platform the game ships on.',
    ),
    h2('Languages and engines'),
    p(
      'C++ remains the core language of high-performance engines such as Unreal. C# is the language of Unity, one of the most popular engines for independent and mobile games. Open-source engines such as ',
      link('https://godotengine.org/', 'Godot'),
      ' are a free way to learn the whole process, from the first sprite to a finished build. Whichever you pick, learn it well enough to finish a small game before switching; the concepts carry over from one engine to the next.',
    ),
    h2('Skills you need'),
    ul(
      [bold('Programming: '), 'confident C++ or C#, data structures, and reading other people’s code.'],
      [bold('Mathematics: '), 'vectors, matrices and a little trigonometry for movement, cameras and collisions.'],
      [bold('Debugging and profiling: '), 'finding why a frame takes 40 milliseconds instead of 16.'],
      [bold('Collaboration: '), 'working closely with artists, designers and testers, who all depend on your code.'],
    ),
    h2('Building a portfolio'),
    p('Studios hire on evidence. A strong portfolio usually shows:'),
    ol(
      [bold('Finished games, '), 'even small ones: a complete, polished game beats an ambitious unfinished one.'],
      [bold('Game jam entries, '), 'which prove you can ship under a deadline and work in a team.'],
      [bold('Clear write-ups '), 'of the problems you solved and how, with short videos of the results.'],
    ),
    h2('Education and first jobs'),
    p(
      'Degrees in computer science or game development teach the mathematics and programming fundamentals that engine work needs, but many developers are self-taught. Quality assurance, tools and mobile studios are common first steps into the industry, and experience there carries over to larger productions. Skills from game development also transfer well to simulation, visualisation and interactive web work.',
    ),
  ),
};
