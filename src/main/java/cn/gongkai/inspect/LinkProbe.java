package cn.gongkai.inspect;

/** The port that asks a link whether it still answers (an HTTP adapter at the edge). */
public interface LinkProbe {

    /** What a probe found. */
    enum Outcome {
        /** The page answered (2xx, or a redirect chain ending in one). */
        OK,
        /** 404, 410 or an unknown host. */
        DEAD,
        /** 5xx, a timeout or a refused connection: maybe only for now. */
        FAILED,
        /** Not probed: not http(s), or an address the probe must not visit (loopback, private, link-local). */
        REFUSED
    }

    /** One answer: the outcome and a short Chinese detail (the status, or why it was refused). */
    record Result(Outcome outcome, String detail) {
    }

    /** Probes {@code url} once (HEAD, GET when HEAD is not allowed; a few redirects). Never throws. */
    Result probe(String url);
}
