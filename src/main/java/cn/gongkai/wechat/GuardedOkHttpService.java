package cn.gongkai.wechat;

import cn.gongkai.config.WeChatClientConfig;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.util.http.RequestExecutor;
import me.chanjar.weixin.mp.api.impl.WxMpServiceOkHttpImpl;
import me.chanjar.weixin.mp.config.WxMpConfigStorage;
import me.chanjar.weixin.mp.util.WxMpConfigStorageHolder;
import okhttp3.ConnectionPool;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

import java.util.concurrent.TimeUnit;

/**
 * The WxJava service of one account, on an OkHttp client we build ourselves.
 *
 * <p>{@link WxMpServiceOkHttpImpl#initHttp()} stores {@code DefaultOkHttpClientBuilder}'s client in a private field
 * that only {@link #getRequestHttpClient()} reads; every request executor and both token requests go through that
 * getter. So we override both: {@code initHttp()} builds our client, the getter returns it, and WxJava's default
 * client is never created. Ours has {@code retryOnConnectionFailure(false)} — otherwise OkHttp silently re-sends a
 * POST whose pooled connection died, which for {@code freepublish/submit} is a double publication — explicit
 * timeouts, and no redirects.
 *
 * <p>{@link #execute(RequestExecutor, String, Object)} skips WxJava's −1 retry loop (which sleeps up to 31 s and then
 * throws an unchecked exception that loses the errcode); {@code setMaxRetryTimes(0)} is kept as a second guard. The
 * token refresh on 40001/40014/42001 stays: it lives in {@code executeInternal}. One service per account, so WxJava's
 * ThreadLocal account switching is never used.
 *
 * <p>An optional {@code guard} interceptor sees every request before it is sent — API calls and token fetches alike —
 * and may refuse it by throwing an unchecked exception, which reaches the caller unchanged (the daily call budget).
 */
final class GuardedOkHttpService extends WxMpServiceOkHttpImpl {

    private final WeChatClientConfig clientConfig;
    private final Interceptor guard;
    private volatile OkHttpClient client;

    GuardedOkHttpService(WxMpConfigStorage storage, WeChatClientConfig clientConfig) {
        this(storage, clientConfig, null);
    }

    GuardedOkHttpService(WxMpConfigStorage storage, WeChatClientConfig clientConfig, Interceptor guard) {
        this.clientConfig = clientConfig;
        this.guard = guard;
        setMaxRetryTimes(0);
        setRetrySleepMillis(0);
        setWxMpConfigStorage(storage);
        // setWxMpConfigStorage marks the account current for this thread; with one account per service it is unused
        WxMpConfigStorageHolder.remove();
    }

    @Override
    public void initHttp() {
        OkHttpClient old = client;
        client = build(clientConfig, guard);
        if (old != null) {
            shutdown(old);
        }
    }

    @Override
    public OkHttpClient getRequestHttpClient() {
        return client;
    }

    @Override
    public <T, E> T execute(RequestExecutor<T, E> executor, String uri, E data) throws WxErrorException {
        return executeInternal(executor, uri, data, false);
    }

    void close() {
        OkHttpClient c = client;
        if (c != null) {
            shutdown(c);
        }
    }

    static OkHttpClient build(WeChatClientConfig config) {
        return build(config, null);
    }

    static OkHttpClient build(WeChatClientConfig config, Interceptor guard) {
        // call timeout: connect, then write a large upload and read the answer, each within readTimeout
        OkHttpClient.Builder builder = new OkHttpClient.Builder();
        if (guard != null) {
            builder.addInterceptor(guard);
        }
        return builder
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.readTimeout())
                .writeTimeout(config.readTimeout())
                .callTimeout(config.connectTimeout().plus(config.readTimeout().multipliedBy(2)))
                .connectionPool(new ConnectionPool(4, 30, TimeUnit.SECONDS))
                .build();
    }

    private static void shutdown(OkHttpClient c) {
        c.dispatcher().executorService().shutdown();
        c.connectionPool().evictAll();
    }
}
