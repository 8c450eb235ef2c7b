/**
 * 报区政府办: delivering approved items to the district government office (a "portal") beside WeChat, and counting
 * what the office adopts. Core package: no edge package, no SQL, no mail or HTTP library. The senders (e-mail,
 * webhook, folder) live in the edge package {@code cn.gongkai.delivery}; the delivery rows in {@code store}.
 */
package cn.gongkai.portal;
