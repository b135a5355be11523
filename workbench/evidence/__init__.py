"""The evidence layer: the words behind the numbers, read in their articles.

Every count and figure of the other layers comes from sentences a researcher should be
able to read. :func:`kwic` lists each place a word, phrase, pattern or actor occurs with
the text around it (:mod:`~workbench.evidence.kwic`); :func:`show_article` shows one
article with its actors highlighted, from the cached mentions table
(:mod:`~workbench.evidence.article`). Both take the corpus table and the actors layer's
tables; neither runs a model.
"""

from workbench.evidence.article import ArticleView, show_article
from workbench.evidence.kwic import KWIC_COLUMNS, kwic

__all__ = ["KWIC_COLUMNS", "ArticleView", "kwic", "show_article"]
