package cn.gongkai.publish;

import java.util.Optional;

/** What has already been uploaded, per account and content hash, so nothing is uploaded twice. */
public interface MediaCache {

    /** Kinds of upload. */
    enum Kind { BODY_IMAGE, COVER }

    /** The uploadimg URL (BODY_IMAGE) or media_id (COVER) of earlier uploads of these bytes to the account. */
    Optional<String> find(String account, Kind kind, String sha256);

    void remember(String account, Kind kind, String sha256, String value);
}
