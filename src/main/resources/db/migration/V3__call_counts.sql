-- WeChat API calls per account, API and day (the day in Asia/Shanghai, when WeChat's daily quotas reset),
-- counted before each request is sent so the product never spends more than its share of a daily quota.
CREATE TABLE wechat_call_count (
    account  VARCHAR(64)  NOT NULL,
    api      VARCHAR(100) NOT NULL,
    call_day DATE         NOT NULL,
    calls    BIGINT       NOT NULL,
    PRIMARY KEY (account, api, call_day)
);
