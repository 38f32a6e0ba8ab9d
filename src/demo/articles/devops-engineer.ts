import type { ArticleSeed } from '../article-seed.js';
import { devopsEngineer } from '../illustrations/scenes.js';
import { bold, doc, h2, h3, link, ol, p, ul } from '../rich-text.js';

export const devopsEngineerArticle: ArticleSeed = {
  slug: 'what-does-a-devops-engineer-do',
  title: 'What Does a DevOps Engineer Do? And How to Become One',
  description:
    "A DevOps engineer is responsible for optimizing an organization's software, including software maintenance and server administration. Learn how to get the skills you need to be a DevOps engineer.",
  publishDate: '2021-12-15',
  type: 'Article',
  topics: ['devops', 'software-development'],
  image: {
    fileName: 'devops-engineer-dual-monitors.jpg',
    contentType: 'image/jpeg',
    alt: '[Featured Image] A DevOps engineer types on their computer and looks at their dual monitors as they update software coding.',
    title: 'DevOps engineer at dual monitors',
    draw: devopsEngineer,
  },
  body: doc(
    p(
      'DevOps engineers sit between the people who write software and the people who keep it running. Their job is to make releasing software fast, safe and repeatable, so that a change a developer finishes in the morning can reach users the same afternoon without anyone losing sleep.',
    ),
    h2('What a DevOps engineer does'),
    p(
      'The work changes from team to team, but most DevOps engineers spend their days on the path that code travels from a laptop to production. They build and maintain that path, watch it, and shorten it.',
    ),
    ul(
      [bold('Continuous integration and delivery: '), 'pipelines that build, test and deploy every change automatically.'],
      [bold('Infrastructure as code: '), 'servers, networks and databases described in version-controlled files instead of set up by hand.'],
      [bold('Monitoring and incident response: '), 'metrics, logs and alerts that show when something breaks, and calm procedures for fixing it.'],
      [bold('Security and compliance: '), 'keeping secrets out of code, patching systems and making audits boring.'],
    ),
    p(
      'On a typical day, the morning might begin with a look at overnight alerts and a short stand-up with the development team. Later the engineer could be changing a pipeline so that database migrations run automatically, reviewing a pull request that resizes a cluster, or pairing with a developer to find out why a service slows down under load. Much of the work is invisible when it goes well: the best sign of a good DevOps engineer is a release that nobody notices.',
    ),
    h2('Skills you will need'),
    h3('Technical skills'),
    p(
      'Employers look for a mix of development and operations skills. You should be comfortable on the Linux command line, able to script in a language such as Python, Bash or Go, and familiar with Git. Knowledge of containers, a cloud platform and a configuration tool such as Terraform or Ansible will set you apart, as will a working understanding of networking: DNS, HTTP, load balancers and TLS certificates.',
    ),
    h3('Working with people'),
    p(
      'Soft skills matter just as much. DevOps is as much a culture as a job title: you will spend time explaining trade-offs, writing runbooks and helping developers own what they ship. Staying calm during an outage, and writing a clear account of it afterwards, is part of the job.',
    ),
    h2('How to become a DevOps engineer'),
    p(
      'Many DevOps engineers start as system administrators or software developers and grow into the role. A degree in computer science or information technology helps, but a portfolio of automation projects often counts for more. One project can cover most of the job:',
    ),
    ol(
      'Learn the Linux and networking fundamentals: processes, permissions, DNS and HTTP.',
      'Write a small web application, or take an open-source one, and package it in a container.',
      'Build a pipeline that tests and deploys it on every push.',
      'Describe the servers and database it needs as code, so you can rebuild everything from scratch.',
      'Add monitoring and alerts, then break something on purpose and practise the recovery.',
    ),
    p(
      'Certifications from cloud providers can also open doors. The ',
      link('https://www.linuxfoundation.org/', 'Linux Foundation'),
      ' and the major cloud platforms offer entry-level exams that test the fundamentals employers ask about.',
    ),
    h2('Salary and outlook'),
    p(
      'Because DevOps engineers shorten the time between an idea and its release, companies of every size hire them, and pay tends to sit above the average for IT roles. Experience with cloud platforms and security is the fastest route to senior positions such as site reliability engineer or platform engineer.',
    ),
  ),
};
