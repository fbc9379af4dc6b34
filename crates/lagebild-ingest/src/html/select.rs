//! Choosing the article among a page's blocks, in the manner of Readability: paragraphs
//! score the containers above them, the best container (less its links) wins, and its
//! siblings join it when they score well too.

use super::collect::{Block, Kind, Page};

/// A paragraph shorter than this (in characters) scores nothing.
const MIN_SCORING_CHARS: u32 = 25;
/// A block with more of its characters in links than this is navigation.
const MAX_LINK_DENSITY: f32 = 0.5;

/// The indices of the blocks that make up the article, in page order.
///
/// In `strict` mode, class and id names that mark boilerplate exclude their elements;
/// otherwise only tags and roles do.
pub(crate) fn article_blocks(page: &Page, strict: bool) -> Vec<usize> {
    let nodes = &page.nodes;
    let mut chars = vec![0_u32; nodes.len()];
    let mut link_chars = vec![0_u32; nodes.len()];
    for block in &page.blocks {
        let mut at = Some(block.node);
        while let Some(node) = at {
            chars[node as usize] += block.chars;
            link_chars[node as usize] += block.link_chars;
            at = nodes[node as usize].parent;
        }
    }
    let density = |node: usize| if chars[node] == 0 { 0.0 } else { link_chars[node] as f32 / chars[node] as f32 };

    let mut scores: Vec<Option<f32>> = vec![None; nodes.len()];
    for block in &page.blocks {
        if block.is_boiler(strict) || block.chars < MIN_SCORING_CHARS || matches!(block.kind, Kind::Heading(_)) {
            continue;
        }
        let score = 1.0 + block.commas as f32 + (block.chars / 100).min(3) as f32;
        let start =
            if nodes[block.node as usize].text_level { nodes[block.node as usize].parent } else { Some(block.node) };
        let mut at = start;
        for divider in [1.0, 2.0, 6.0] {
            let Some(node) = at else { break };
            let slot = &mut scores[node as usize];
            *slot = Some(slot.unwrap_or(f32::from(nodes[node as usize].weight)) + score / divider);
            at = nodes[node as usize].parent;
        }
    }
    let final_score = |node: usize| scores[node].map(|score| score * (1.0 - density(node)));
    let top = (0..nodes.len())
        .filter(|&node| !(nodes[node].boiler || strict && nodes[node].boiler_names))
        .filter_map(|node| final_score(node).map(|score| (node, score)))
        .max_by(|a, b| a.1.total_cmp(&b.1));
    let Some((top, top_score)) = top else {
        // Nothing reads like an article: take every block that is not boilerplate.
        return (0..page.blocks.len()).filter(|&at| keep(&page.blocks[at], strict, true)).collect();
    };

    // The blocks that each node holds itself, not through a child node.
    let mut own: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
    for (at, block) in page.blocks.iter().enumerate() {
        own[block.node as usize].push(at);
    }
    // The top container and its siblings that score well enough.
    let mut included = vec![false; nodes.len()];
    included[top] = true;
    let parent = nodes[top].parent;
    if let Some(parent) = parent {
        let threshold = (top_score * 0.2).max(10.0);
        for (node, entry) in nodes.iter().enumerate() {
            if entry.parent != Some(parent) || node == top || entry.boiler || strict && entry.boiler_names {
                continue;
            }
            let score = final_score(node).unwrap_or(0.0);
            // A paragraph (or a container holding text itself) that reads like article text.
            let good_paragraph = {
                own[node].iter().map(|&at| &page.blocks[at]).any(|block| {
                    let ends = block.text.ends_with(['.', '!', '?', '"', '“', '”', '«', '»']);
                    (block.chars > 80 && density(node) < 0.25) || (block.chars > 20 && density(node) == 0.0 && ends)
                })
            };
            if score >= threshold || good_paragraph {
                included[node] = true;
            }
        }
    }
    let mut selected: Vec<usize> = (0..page.blocks.len())
        .filter(|&at| {
            let block = &page.blocks[at];
            let mut node = Some(block.node);
            while let Some(current) = node {
                if included[current as usize] {
                    return keep(block, strict, false);
                }
                if Some(current as usize) == parent.map(|parent| parent as usize) {
                    return false;
                }
                node = nodes[current as usize].parent;
            }
            false
        })
        .collect();
    extend_lead(page, &mut selected, strict);
    selected
}

/// Takes in up to two paragraphs just before the article that read like its lead (a
/// standfirst in the page's header): sentences of 15 words or more with few links, found
/// past at most three short blocks such as a date or a byline.
fn extend_lead(page: &Page, selected: &mut Vec<usize>, strict: bool) {
    let Some(&first) = selected.first() else { return };
    let mut leads = Vec::new();
    let mut skipped = 0;
    for at in (0..first).rev() {
        let block = &page.blocks[at];
        if block.is_boiler(strict) || block.link_density() > 0.1 {
            break;
        }
        let words = block.text.split(' ').count();
        let sentence = block.text.ends_with(['.', '!', '?', '"', '“', '”', '«', '»', ')']);
        if words >= 15 && sentence {
            leads.push(at);
            if leads.len() == 2 {
                break;
            }
        } else if words < 8 && skipped < 3 {
            skipped += 1;
        } else {
            break;
        }
    }
    leads.reverse();
    selected.splice(0..0, leads);
}

/// Whether a block of the chosen container is article text: not boilerplate, not mostly
/// links, and more than a caption, a time or a lone word. `loose` keeps short blocks.
fn keep(block: &Block, strict: bool, loose: bool) -> bool {
    if block.is_boiler(strict) || block.link_density() > MAX_LINK_DENSITY {
        return false;
    }
    if !block.text.chars().any(char::is_alphabetic) {
        return false;
    }
    let heading = matches!(block.kind, Kind::Heading(_));
    let sentence = block.text.ends_with(['.', '!', '?']);
    let words = block.text.split(' ').count();
    // A date line, a time or a photo credit: a few words with a digit, not a sentence.
    let dateline = words <= 4 && block.text.contains(|c: char| c.is_ascii_digit());
    loose || heading || sentence || (words > 2 && !dateline)
}

/// Every block of a fragment (a feed item's content), in order: nothing is boilerplate.
pub(crate) fn fragment_blocks(page: &Page) -> Vec<usize> {
    (0..page.blocks.len()).collect()
}
