package com.campaignkpi.storage;

import java.util.Objects;

/**
 * A CloudFormation intrinsic function call, kept unevaluated as the template states it.
 *
 * @param function full function name as in the long form, such as {@code Fn::Sub} or {@code Ref}, for both
 *     {@code !Sub "..."} and {@code {"Fn::Sub": "..."}}
 * @param argument the argument: a string, a list or a map, possibly holding further intrinsics
 */
public record Intrinsic(String function, Object argument) {

    public Intrinsic {
        Objects.requireNonNull(function, "function");
    }
}
