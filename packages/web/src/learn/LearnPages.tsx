import { Anchor, Card, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { LEARN_ARTICLES, learnArticle } from '@steady/core';
import { Page } from '../shared/components/Page';
import { learnPath, routes } from '../shared/layout/routes';
import { sourceLines } from './sources';
import './learn.css';

/** `/learn`: every article, with its one-line summary. */
export function LearnIndexPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('learn.index.title')}>
      <Text size="lg">{t('learn.index.intro')}</Text>
      <ul className="sd-learn-list">
        {LEARN_ARTICLES.map((a) => (
          <li key={a.id}>
            <Link href={learnPath(a.id)} className="sd-learn-row">
              <span className="sd-learn-row-title">{a.title}</span>
              <span className="sd-learn-row-summary">{a.summary}</span>
            </Link>
          </li>
        ))}
      </ul>
    </Page>
  );
}

/** `/learn/:articleId`: one article in large type, its sources under it. */
export function LearnArticlePage() {
  const { t } = useTranslation();
  const { articleId } = useParams<{ articleId: string }>();
  const article = learnArticle(articleId);
  if (article === undefined) {
    return (
      <Page title={t('learn.index.title')}>
        <Text size="lg">{t('learn.article.notFound')}</Text>
        <Anchor component={Link} href={routes.learn} size="lg">
          {t('learn.article.back')}
        </Anchor>
      </Page>
    );
  }
  return (
    <Page title={article.title}>
      <article className="sd-learn-article">
        <Stack gap="md">
          {article.paragraphs.map((p) => (
            <p key={p.text}>{p.text}</p>
          ))}
          <Text c="gray.7" size="md">
            {t('learn.article.disclaimer')}
          </Text>
        </Stack>
      </article>
      <Card withBorder radius="md" p="md" component="section" aria-labelledby="learn-sources">
        <Title order={2} fz="1.25rem" id="learn-sources" mb="xs">
          {t('learn.article.sourcesHeading')}
        </Title>
        <Text mb="xs">{t('learn.article.sourcesIntro')}</Text>
        <List spacing="xs">
          {sourceLines(article.paragraphs).map((s) => (
            <List.Item key={`${s.id}-${s.statusKey}`}>
              <Text span fw={700}>
                {s.id}
              </Text>{' '}
              ({t(s.statusKey)}){s.locator === null ? '' : `: ${s.locator}`}
            </List.Item>
          ))}
        </List>
        <Text size="sm" c="gray.7" mt="xs">
          {t('learn.statusHelp')}
        </Text>
      </Card>
      <Anchor component={Link} href={routes.learn} size="lg" fw={600}>
        {t('learn.article.back')}
      </Anchor>
    </Page>
  );
}
