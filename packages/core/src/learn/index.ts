export {
  LEARN_ARTICLE_IDS,
  LEARN_ARTICLES,
  learnArticle,
  type LearnArticle,
  type LearnArticleId,
  type LearnParagraph,
} from './articles.js';
