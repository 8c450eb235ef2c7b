package cn.gongkai.review.checks;

import cn.gongkai.item.ItemContent;

/** One pre-publish check. Pure: looks only at the content. */
interface Check {
    void run(ItemContent content, Findings out);
}
