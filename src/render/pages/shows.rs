//! What each page shows of the model, by index: the one description from which a page's
//! values are filled (`fill`) and what it reads is listed (`Shows::each`, which the
//! preview server compares between two models to find the pages an edit touched).

use std::ops::Range;

use super::{Page, SAMPLE, list_pages};
use crate::model::{
    ActorIx, ArticleIx, Cited, ItemIx, Point, ProposalIx, Quote, Site, SourceIx, Stated, TopicIx, source_items,
};
use crate::vocab::{Kind, Status};

/// The items a page shows (their summaries, or more of them), as its values list them.
pub(crate) enum Shows<'s> {
    /// The front page: the latest articles, every proposal by status, every actor by side.
    Index {
        latest: Range<ArticleIx>,
        proposals: Range<ProposalIx>,
        actors: Range<ActorIx>,
    },
    /// Page `n` of the `total` pages of the article list.
    ArticleList {
        n: usize,
        total: usize,
        articles: Range<ArticleIx>,
    },
    Article(ArticleShows<'s>),
    Actors {
        actors: Range<ActorIx>,
    },
    Actor(ActorShows<'s>),
    /// Every proposal, with its sponsors.
    Proposals {
        proposals: Range<ProposalIx>,
        actors: Range<ActorIx>,
    },
    Proposal(ProposalShows<'s>),
    Topics {
        topics: Range<TopicIx>,
    },
    /// A topic's articles and the proposals' points on it (with their proposals).
    Topic {
        ix: TopicIx,
        articles: &'s [ArticleIx],
        proposals: &'s [ProposalIx],
        points: &'s [(ProposalIx, usize)],
    },
    /// Two versions of a proposal side by side: the new one's points and the old one's.
    Compare {
        ix: ProposalIx,
        against: ProposalIx,
        points: &'s [Point],
        old: &'s [Point],
    },
    /// Every provision category, with its number of points (from the model alone).
    Categories,
    /// The points of one category, each with its proposal and its positions' actors.
    Category {
        ix: usize,
        points: &'s [(ProposalIx, usize)],
    },
    /// Every source, by publisher.
    Sources {
        sources: Range<SourceIx>,
    },
    Source(SourceShows<'s>),
    /// Every dated event, which may name any article, proposal, actor or source.
    Changes {
        articles: Range<ArticleIx>,
        proposals: Range<ProposalIx>,
        actors: Range<ActorIx>,
        sources: Range<SourceIx>,
    },
    /// Every dated article and proposal, or the first `limit` of each.
    Timeline {
        articles: Range<ArticleIx>,
        proposals: Range<ProposalIx>,
        limit: usize,
    },
    NotFound,
    /// Redirect `ix` of the site, to the item it names.
    Redirect {
        ix: usize,
        to: ItemIx,
    },
}

/// An article whole, its neighbours in the list, and what it names.
pub(crate) struct ArticleShows<'s> {
    pub(crate) ix: ArticleIx,
    pub(crate) newer: Option<ArticleIx>,
    pub(crate) older: Option<ArticleIx>,
    pub(crate) actors: &'s [ActorIx],
    pub(crate) proposals: &'s [ProposalIx],
    pub(crate) quotes: &'s [Quote],
    pub(crate) sources: &'s [Cited],
}

/// A source whole, what cites it, and the sources its notes cite.
pub(crate) struct SourceShows<'s> {
    pub(crate) ix: SourceIx,
    pub(crate) articles: &'s [ArticleIx],
    pub(crate) actors: &'s [ActorIx],
    pub(crate) proposals: &'s [ProposalIx],
    pub(crate) quotes: &'s [(ArticleIx, usize)],
    pub(crate) stances: &'s [(ProposalIx, usize, usize, usize)],
    /// Who said its quotes and whose its stances are.
    pub(crate) speakers: &'s [ActorIx],
    pub(crate) sources: &'s [Cited],
}

/// An actor whole, the articles that mention or quote them, the proposals they sponsor
/// or took a position on (with the points).
pub(crate) struct ActorShows<'s> {
    pub(crate) ix: ActorIx,
    pub(crate) articles: &'s [ArticleIx],
    pub(crate) quotes: &'s [(ArticleIx, usize)],
    pub(crate) sponsored: &'s [ProposalIx],
    pub(crate) positions: &'s [(ProposalIx, usize, usize)],
    pub(crate) sources: &'s [Cited],
}

/// A proposal whole: its sponsors, versions and points (with their topics and whose
/// positions), the version it changes and that one's points, the articles on it.
pub(crate) struct ProposalShows<'s> {
    pub(crate) ix: ProposalIx,
    pub(crate) sponsors: &'s [ActorIx],
    pub(crate) supersedes: Option<ProposalIx>,
    pub(crate) superseded_by: Option<ProposalIx>,
    pub(crate) lineage: &'s [ProposalIx],
    pub(crate) points: &'s [Point],
    pub(crate) against: Option<(ProposalIx, &'s [Point])>,
    /// The proposal it amends (with its points), and those amending it.
    pub(crate) amends: Option<(ProposalIx, &'s [Point])>,
    pub(crate) amended_by: &'s [ProposalIx],
    pub(crate) articles: &'s [ArticleIx],
    pub(crate) statuses: &'s [Stated<Status>],
    pub(crate) sources: &'s [Cited],
}

impl Page {
    /// What this page shows of `site`.
    pub(crate) fn shows(self, site: &Site) -> Shows<'_> {
        match self {
            Page::Index => Shows::Index {
                latest: 0..site.articles.len().min(10),
                proposals: 0..site.proposals.len(),
                actors: 0..site.actors.len(),
            },
            Page::ArticleList(n) => {
                let per = site.config.articles_per_page.max(1);
                let articles = (n - 1) * per..(n * per).min(site.articles.len());
                Shows::ArticleList { n, total: list_pages(site), articles }
            }
            Page::Article(ix) => {
                let a = &site.articles[ix];
                Shows::Article(ArticleShows {
                    ix,
                    newer: ix.checked_sub(1),
                    older: Some(ix + 1).filter(|i| *i < site.articles.len()),
                    actors: &a.actors,
                    proposals: &a.proposals,
                    quotes: &a.quotes,
                    sources: &a.sources,
                })
            }
            Page::Actors => Shows::Actors { actors: 0..site.actors.len() },
            Page::Actor(ix) => {
                let a = &site.actors[ix];
                Shows::Actor(ActorShows {
                    ix,
                    articles: &a.articles,
                    quotes: &a.quotes,
                    sponsored: &a.sponsored,
                    positions: &a.positions,
                    sources: &a.sources,
                })
            }
            Page::Proposals => Shows::Proposals { proposals: 0..site.proposals.len(), actors: 0..site.actors.len() },
            Page::Proposal(ix) => {
                let p = &site.proposals[ix];
                let against = p.changes.as_ref().map(|c| (c.against, &site.proposals[c.against].points[..]));
                Shows::Proposal(ProposalShows {
                    ix,
                    sponsors: &p.sponsors,
                    supersedes: p.supersedes,
                    superseded_by: p.superseded_by,
                    lineage: &p.lineage,
                    points: &p.points,
                    against,
                    amends: p.amends.map(|a| (a, &site.proposals[a].points[..])),
                    amended_by: &p.amended_by,
                    articles: &p.articles,
                    statuses: &p.statuses,
                    sources: &p.sources,
                })
            }
            Page::Topics => Shows::Topics { topics: 0..site.topics.len() },
            Page::Topic(ix) => {
                let t = &site.topics[ix];
                Shows::Topic { ix, articles: &t.articles, proposals: &t.proposals, points: &t.points }
            }
            Page::Compare(ix) => {
                let p = &site.proposals[ix];
                let against = p.changes.as_ref().map_or(ix, |c| c.against);
                Shows::Compare { ix, against, points: &p.points, old: &site.proposals[against].points }
            }
            Page::Categories => Shows::Categories,
            Page::Category(ix) => Shows::Category { ix, points: &site.categories[ix] },
            Page::Sources => Shows::Sources { sources: 0..site.sources.len() },
            Page::Source(ix) => {
                let s = &site.sources[ix];
                Shows::Source(SourceShows {
                    ix,
                    articles: &s.articles,
                    actors: &s.actors,
                    proposals: &s.proposals,
                    quotes: &s.quotes,
                    stances: &s.stances,
                    speakers: &s.speakers,
                    sources: &s.sources,
                })
            }
            Page::Changes => Shows::Changes {
                articles: 0..site.articles.len(),
                proposals: 0..site.proposals.len(),
                actors: 0..site.actors.len(),
                sources: 0..site.sources.len(),
            },
            Page::Timeline | Page::TimelineSample => Shows::Timeline {
                articles: 0..site.articles.len(),
                proposals: 0..site.proposals.len(),
                limit: if matches!(self, Page::TimelineSample) { SAMPLE } else { usize::MAX },
            },
            Page::NotFound => Shows::NotFound,
            Page::Redirect(ix) => {
                let r = &site.redirects[ix];
                let to = match r.kind {
                    Kind::Article => ItemIx::Article(r.to),
                    Kind::Actor => ItemIx::Actor(r.to),
                    Kind::Proposal => ItemIx::Proposal(r.to),
                    Kind::Source => ItemIx::Source(r.to),
                };
                Shows::Redirect { ix, to }
            }
        }
    }
}

impl Shows<'_> {
    /// Calls `f` with every item shown, in a fixed order. Every field is named here, so
    /// that a field added to a page's description and left out is an unused variable.
    pub(crate) fn each(&self, site: &Site, mut f: impl FnMut(ItemIx)) {
        let f = &mut f;
        match self {
            Shows::Index { latest, proposals, actors } => {
                all(f, ItemIx::Article, latest.clone());
                all(f, ItemIx::Proposal, proposals.clone());
                all(f, ItemIx::Actor, actors.clone());
            }
            Shows::ArticleList { n: _, total: _, articles } => all(f, ItemIx::Article, articles.clone()),
            Shows::Article(ArticleShows { ix, newer, older, actors, proposals, quotes, sources }) => {
                all(f, ItemIx::Article, newer.iter().chain([ix]).chain(older).copied());
                all(f, ItemIx::Actor, actors.iter().copied().chain(quotes.iter().map(|q| q.actor)));
                all(f, ItemIx::Proposal, proposals.iter().copied());
                all(f, ItemIx::Source, source_items(sources));
            }
            Shows::Actors { actors } => all(f, ItemIx::Actor, actors.clone()),
            Shows::Actor(ActorShows { ix, articles, quotes, sponsored, positions, sources }) => {
                f(ItemIx::Actor(*ix));
                all(f, ItemIx::Source, source_items(sources));
                all(f, ItemIx::Article, articles.iter().copied().chain(quotes.iter().map(|(a, _)| *a)));
                all(f, ItemIx::Proposal, sponsored.iter().copied().chain(positions.iter().map(|(p, _, _)| *p)));
            }
            Shows::Proposals { proposals, actors } => {
                all(f, ItemIx::Proposal, proposals.clone());
                all(f, ItemIx::Actor, actors.clone());
            }
            Shows::Proposal(ProposalShows {
                ix,
                sponsors,
                supersedes,
                superseded_by,
                lineage,
                points,
                against,
                amends,
                amended_by,
                articles,
                statuses: _,
                sources,
            }) => {
                all(f, ItemIx::Source, source_items(sources));
                let versions =
                    [Some(*ix), *supersedes, *superseded_by, against.map(|(p, _)| p), amends.map(|(p, _)| p)];
                let related = lineage.iter().chain(amended_by.iter()).copied();
                all(f, ItemIx::Proposal, versions.into_iter().flatten().chain(related));
                all(f, ItemIx::Actor, sponsors.iter().copied());
                let others = against.iter().chain(amends.iter()).flat_map(|(_, points)| points.iter());
                for point in points.iter().chain(others) {
                    all(f, ItemIx::Topic, point.topic);
                    all(f, ItemIx::Actor, point.positions.iter().map(|pos| pos.actor));
                }
                all(f, ItemIx::Article, articles.iter().copied());
            }
            Shows::Topics { topics } => all(f, ItemIx::Topic, topics.clone()),
            Shows::Topic { ix, articles, proposals, points } => {
                f(ItemIx::Topic(*ix));
                all(f, ItemIx::Article, articles.iter().copied());
                all(f, ItemIx::Proposal, proposals.iter().copied().chain(points.iter().map(|(p, _)| *p)));
            }
            Shows::Compare { ix, against, points, old } => {
                all(f, ItemIx::Proposal, [*ix, *against]);
                for point in points.iter().chain(old.iter()) {
                    all(f, ItemIx::Topic, point.topic);
                    all(f, ItemIx::Actor, point.positions.iter().map(|pos| pos.actor));
                }
            }
            Shows::Categories => {}
            Shows::Category { ix: _, points } => {
                for (p, pt) in points.iter() {
                    f(ItemIx::Proposal(*p));
                    all(f, ItemIx::Actor, site.proposals[*p].points[*pt].positions.iter().map(|pos| pos.actor));
                }
            }
            Shows::Sources { sources } => all(f, ItemIx::Source, sources.clone()),
            Shows::Source(SourceShows { ix, articles, actors, proposals, quotes, stances, speakers, sources }) => {
                f(ItemIx::Source(*ix));
                all(f, ItemIx::Article, articles.iter().copied().chain(quotes.iter().map(|(a, _)| *a)));
                all(f, ItemIx::Actor, actors.iter().copied());
                all(f, ItemIx::Proposal, proposals.iter().copied().chain(stances.iter().map(|(p, ..)| *p)));
                all(f, ItemIx::Source, source_items(sources));
                all(f, ItemIx::Actor, speakers.iter().copied());
            }
            Shows::Changes { articles, proposals, actors, sources } => {
                all(f, ItemIx::Article, articles.clone());
                all(f, ItemIx::Proposal, proposals.clone());
                all(f, ItemIx::Actor, actors.clone());
                all(f, ItemIx::Source, sources.clone());
            }
            Shows::Timeline { articles, proposals, limit: _ } => {
                all(f, ItemIx::Article, articles.clone());
                all(f, ItemIx::Proposal, proposals.clone());
            }
            Shows::NotFound => {}
            Shows::Redirect { ix: _, to } => f(*to),
        }
    }
}

/// `f` with each of `ixs` as an item of one kind.
fn all(f: &mut impl FnMut(ItemIx), kind: fn(usize) -> ItemIx, ixs: impl IntoIterator<Item = usize>) {
    for ix in ixs {
        f(kind(ix));
    }
}
