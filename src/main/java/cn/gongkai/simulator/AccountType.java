package cn.gongkai.simulator;

/** The kind of official account the simulator pretends to be; it decides the mass-send quota. */
public enum AccountType {
    /** 订阅号: one successful mass send a day; publishing only when verified. */
    SUBSCRIPTION,
    /** 服务号: publishing only when verified. */
    SERVICE
}
