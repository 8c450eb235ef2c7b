/**
 * Edge package: the HTTP adapter of the inspection's {@link cn.gongkai.inspect.LinkProbe} port (JDK HttpClient),
 * guarded against requests to internal addresses (SSRF).
 */
package cn.gongkai.probe;
