"""Test doubles shared by the API tests: the write token and an analyzer that needs no model."""

from __future__ import annotations

from sitrep.records import Article, ArticleAnalysis, Claim, Speaker

TOKEN = "t0ken-for-tests-only-9f8e7d"


class FakeAnalyzer:
    """Stands in for the spaCy pipeline: one claim over the text's first sentence."""

    instances = 0

    def __init__(self) -> None:
        FakeAnalyzer.instances += 1
        self.seen: list[Article] = []

    def analyze(self, article: Article) -> ArticleAnalysis:
        self.seen.append(article)
        end = article.text.find(".")
        end = len(article.text) if end < 0 else end
        claim = Claim(
            content=article.text[:end],
            start=0,
            end=end,
            kind="indirect",
            speaker=Speaker(text=None, name="Test Speaker", side="Ukraine"),
        )
        return ArticleAnalysis(article=article, claims=(claim,))
