/**
 * A WeChat Official Account API simulator for sandbox rehearsals and tests: {@link cn.gongkai.simulator.WeChatSimulator}.
 *
 * <p>Answers follow wechat-api.md. Where the documentation leaves the errcode open, the simulator uses:
 * <ul>
 *   <li>wrong secret: 40001 on {@code token} (what the real endpoint answers), 40125 on {@code stable_token};
 *       unknown appid: 40013 on both;</li>
 *   <li>token never issued: 40014; token past its 7200 s: 42001; token superseded (after the 5-minute grace),
 *       revoked by a forced stable refresh or by {@link cn.gongkai.simulator.Faults#invalidateTokens}: 40001;
 *       no token: 41001;</li>
 *   <li>{@code draft/add}: no or malformed {@code articles}, missing title or content: 44003; more than 8 articles:
 *       45008; title over 32 or author over 16 characters: 45003 (no author code is documented); digest over 128:
 *       45004; content of 20,000 characters or 1 MB: 45002; {@code content_source_url} over 1 KB: 41039; a link to
 *       anything but an mp.weixin.qq.com page (including in-page anchors): 45166; cover not a permanent media_id of
 *       this account: 40007; body that is not JSON: 47001;</li>
 *   <li>{@code freepublish/get} with an id this account never got: 40002; {@code getarticle}/{@code delete} with an
 *       unknown article_id: 53600; bad {@code count} of a batchget: 40002; bad index: 40114;</li>
 *   <li>uploads: missing {@code media} part 41005, wrong format 40005, too large 40009, unknown material type
 *       40004;</li>
 *   <li>mass send: message type other than mpnews 40008; repeated {@code clientmsgid} within a minute 45066, within
 *       24 hours 45065 (with the original {@code msg_id}), longer than 64 bytes 45067; no quota 45028;</li>
 *   <li>{@code openapi/quota/get}: {@code cgi_path} not starting with {@code /cgi-bin/} 76003, unknown path 76021; for
 *       a publishing API of an unverified account a daily limit of 0 (the real answer is undocumented);</li>
 *   <li>{@link cn.gongkai.simulator.Faults#ipNotWhitelisted}: every call of the account, token calls included,
 *       answers {@code 40164 invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist rid: ...}.</li>
 * </ul>
 *
 * <p>Simulator choices with no documented counterpart: a draft stays consumed when its publish job fails; a job
 * finishes after the configured number of polls or the configured clock time, whichever comes first;
 * {@code freepublish/get} echoes {@code publish_id} as a string (as in the doc example) while {@code submit} answers
 * it as an integer; batchget items carry {@code update_time} both at item level and inside {@code content}.
 */
package cn.gongkai.simulator;
