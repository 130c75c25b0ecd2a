"""Stories (сюжеты): articles about one event grouped across outlets and languages, and a dossier per story.

Batch stages: ``cluster_stories`` then ``describe_stories``. ``StoryIndex`` adds articles to existing
stories one at a time (``attach``)."""

from syuzhet.stories.build import attach, attach_one, cluster_stories, index_articles
from syuzhet.stories.cluster import StoryIndex
from syuzhet.stories.dossier import describe_stories
from syuzhet.stories.explain import explain_story

__all__ = [
    "StoryIndex", "attach", "attach_one", "cluster_stories", "describe_stories", "explain_story", "index_articles",
]
