/**
 * The inspection of what each account actually published (issue 19, part): the published list read from WeChat
 * with contents ({@link cn.gongkai.inspect.PublishedPull}), 错敏字 and dead links in it
 * ({@link cn.gongkai.inspect.ArticleFindings}), idle days ({@link cn.gongkai.inspect.IdleDays}) and the quarterly
 * export ({@link cn.gongkai.inspect.InspectionExport}). Pure logic and ports: the store and the HTTP link probe are
 * edge adapters.
 */
package cn.gongkai.inspect;
