package org.mspportal.identity;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class SignInPages {

    @GetMapping("/sign-in")
    String signIn() {
        return "identity/sign-in";
    }
}
