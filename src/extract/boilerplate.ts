/** What page chrome looks like: tags, class/id words and short texts that are never the story. */

/** Removed with their content before anything is scored. */
export const JUNK_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'canvas', 'iframe', 'object', 'embed', 'video', 'audio',
  'button', 'input', 'select', 'textarea', 'option', 'label', 'nav', 'aside', 'footer', 'menu', 'dialog',
  'head', 'link', 'meta', 'map', 'area',
]);

/** Class/id words of share bars, related links, newsletters, comments, ads and the like. */
export const BOILERPLATE_CLASS = new RegExp(
  '(?:^|[\\s_-])(?:' +
    [
      'comments?', 'comment-?(?:list|form|section|area|s?wrap)', 'disqus', 'replies', 'respond',
      'share', 'sharing', 'sharethis', 'shares', 'social', 'socials', 'addthis', 'sociable',
      'related', 'recirc(?:ulation)?', 'teasers?', 'promo-?list', 'up-?next', 'more-?in', 'recommend(?:ed|ations?)?', 'more-?(?:stories|articles|news|from)', 'read-?more', 'read-?next', 'also-?read',
      'newsletter', 'subscribe', 'subscription', 'signup', 'sign-?up', 'paywall', 'regwall',
      'promo', 'promotion', 'sponsor(?:ed)?', 'advert(?:isement)?s?', 'ads?', 'ad-?(?:slot|unit|container|wrapper|block|box)', 'dfp', 'gpt-ad', 'taboola', 'outbrain',
      'cookies?', 'consent', 'gdpr', 'banner', 'breadcrumbs?', 'crumbs',
      'nav', 'navbar', 'navigation', 'menu', 'sidebar', 'side-?bar', 'rail', 'widget', 'widgets',
      'footer', 'masthead', 'site-?header', 'page-?header', 'header', 'topbar', 'toolbar',
      'pagination', 'pager', 'popup', 'modal', 'overlay', 'lightbox',
      'tags?', 'tag-?list', 'topics', 'keywords', 'categories',
      'author-?(?:bio|box|info|card)', 'about-?(?:the-?)?author', 'bio', 'byline', 'dateline', 'meta', 'post-?meta', 'entry-?meta', 'article-?meta', 'timestamp',
      'print', 'trending', 'most-?(?:popular|read|viewed)', 'popular', 'skip', 'back-?to-?top', 'scroll-?top', 'to-?top',
      'hidden', 'visually-?hidden', 'sr-?only', 'screen-?reader-?text', 'offscreen', 'disclaimer', 'copyright',
      'jump-?link', 'pull-?quote', 'pullout', 'quote-?box', '(?:image-?|photo-?|img-?|media-?)?captions?', '(?:image-?|photo-?|img-?)?credits?', 'caption-?text', 'toc', 'login', 'signin', 'follow', 'donate', 'donation', 'app-?promo',
    ].join('|') +
    ')(?:$|[\\s_-])',
  'i',
);

/** Class/id words that mark the article: these outweigh a boilerplate word on the same element. */
export const CONTENT_CLASS = /(?:^|[\s_-])(?:article-?body|articlebody|story-?body|post-?body|entry-?content|post-?content|article-?content|article-?text|story-?content|body-?text|main-?content|content-?body|article__body|rich-?text)(?:$|[\s_-])/i;

/** Captions and credits are read with their figure; class words run together ("imageEmbedCaption"). */
export const CAPTION_CLASS = /caption|credit|image-?source|photo-?source/i;

/** Hover cards and tooltips repeat a name's profile inside the sentence that names it. */
export const HOVER_CLASS = /tooltip|popover|hover-?card|rollover|flyout/i;

/** Newsletter pitches: a subscription verb and a newsletter or an inbox, in one short block. */
export const NEWSLETTER_TEXT = /\b(?:newsletters?|inbox|mailing list)\b/i;
export const SUBSCRIBE_TEXT = /\b(?:sign(?:ing)? up|subscribe|subscription|delivered|get (?:the|our)|join)\b/i;

/** Posts quoted in the story (tweets, Instagram posts) are content, even inside a "social" box. */
export const EMBED_CLASS = /twitter-tweet|instagram-media|tiktok-embed|(?:^|[\s_-])embed(?:ded)?(?:$|[\s_-])/i;

/** Roles of chrome in ARIA terms. */
export const BOILERPLATE_ROLE = /^(?:navigation|banner|contentinfo|complementary|search|dialog|alert|menu|menubar|toolbar)$/i;

/** Whole short blocks that are chrome wherever they stand. */
export const CHROME_TEXT = new RegExp(
  '^(?:' +
    [
      'share(?: this)?(?: (?:article|story|post|page))?(?: on \\w+)?', 'share via \\w+', 'tweet', 'email', 'e-mail', 'print', 'copy link', 'link copied',
      '(?:back|return|go|scroll) to top(?: button)?', 'top', 'advertisement', 'advertising', 'ad', 'sponsored(?: content)?', 'story continues below(?: advertisement)?',
      'continue reading(?: below)?', 'read more', 'read (?:the )?full (?:article|story)', 'show more', 'load more', 'see more', 'more',
      'related(?: (?:articles?|stories|posts|content|news|coverage|reading))?', 'you may also like', 'recommended(?: for you)?', 'more (?:from|on) .{1,40}', 'most (?:read|popular|viewed)',
      '(?:sign up|subscribe)(?: (?:now|today|here))?', '(?:sign up|subscribe) (?:for|to) (?:our|the) .{0,40}newsletters?.{0,60}',
      '(?:leave|post|add|write) a (?:comment|reply)', '\\d* ?comments?', 'view comments', 'show comments', 'join the conversation', 'comments are closed\\.?',
      'follow us(?: on .{1,40})?', 'like us on facebook', 'accept(?: all)?(?: cookies)?', 'we use cookies.{0,200}', 'this (?:web)?site uses cookies.{0,200}',
      'skip to (?:main )?content', 'skip to navigation', 'menu', 'close', 'search', 'home', 'next', 'previous', 'next article', 'previous article',
      'image \\d+ of \\d+', 'photo \\d+ of \\d+', '\\d+ of \\d+', "don[’']?t miss", 'must read', 'read next', 'up next', 'trending(?: now)?', 'popular(?: now)?', 'advert',
      'this (?:post|article|page|story) (?:may )?contains? affiliate.{0,200}', '(?:we|this site) may (?:earn|receive) (?:a )?commission.{0,200}',
      'image', 'photo', 'video', 'watch', 'listen', 'play', 'loading\\.*', 'click here.{0,60}', 'tags?:?.{0,80}', 'topics?:.{0,80}', 'filed under:?.{0,80}',
    ].join('|') +
    ')[.:!…]*$',
  'i',
);
