import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { learnArticle, type LearnArticleId } from '@steady/core';
import { learnPath } from '../shared/layout/routes';

/** A small "Learn more" link to one article, for the moments it matters. */
export function LearnMoreLink({
  article,
  light = false,
}: {
  article: LearnArticleId;
  light?: boolean;
}) {
  const { t } = useTranslation();
  const title = learnArticle(article)?.title ?? '';
  return (
    <Anchor
      component={Link}
      href={learnPath(article)}
      fw={600}
      c={light ? 'white' : undefined}
      td="underline"
      display="inline-block"
      py={6}
    >
      {t('learn.more_link', { title })}
    </Anchor>
  );
}
