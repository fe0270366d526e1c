//! The site's settings, from `content/site.yaml` (see docs/settings.md).

use serde_json::Value;

use super::HtmlMode;

/// `content/site.yaml`.
#[derive(Debug, Clone)]
pub struct SiteConfig {
    pub title: String,
    pub description: String,
    pub base_url: String,
    pub language: String,
    pub author: String,
    pub articles_per_page: usize,
    pub html: HtmlMode,
    pub extra: Value,
}

impl Default for SiteConfig {
    fn default() -> Self {
        SiteConfig {
            title: "Briefing".to_owned(),
            description: String::new(),
            base_url: "/".to_owned(),
            language: "en".to_owned(),
            author: String::new(),
            articles_per_page: 50,
            html: HtmlMode::Escape,
            extra: Value::Object(Default::default()),
        }
    }
}
