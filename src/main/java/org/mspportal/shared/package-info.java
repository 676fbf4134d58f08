/**
 * Value types and small contracts every module may use: the audit contract, the signed-in
 * principal and its provider scope, navigation and security contributions, CSV safety.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.mspportal.shared;
