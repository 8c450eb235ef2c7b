package cn.gongkai.publish;

/** How a batch ended one run of the publisher. */
enum BatchOutcome { PUBLISHED, FAILED, PENDING, STOPPED, REHEARSED }
